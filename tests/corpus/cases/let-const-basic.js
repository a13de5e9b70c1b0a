let a = 1;
const b = 2;
{
  let a = 10;
  const b = 20;
  console.log(a, b);
}
console.log(a, b);
