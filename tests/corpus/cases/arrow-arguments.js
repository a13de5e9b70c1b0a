function outer() {
  const f = () => arguments.length + ':' + arguments[0];
  return f('ignored');
}
console.log(outer('a', 'b', 'c'));
