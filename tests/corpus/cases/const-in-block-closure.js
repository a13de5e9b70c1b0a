const fns = [];
{
  const a = 'first';
  fns.push(() => a);
}
{
  const a = 'second';
  fns.push(() => a);
}
console.log(fns[0](), fns[1]());
