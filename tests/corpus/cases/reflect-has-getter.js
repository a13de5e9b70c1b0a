// Reflect.has answers without running a getter (chai calls it before
// every property it reads through its proxies).
let n = 0;
const t = { get x() { n++; return 1; } };
const a = [1, 2];
console.log(Reflect.has(t, 'x'), n, Reflect.has(a, 0), Reflect.has(a, 'length'), Reflect.has(a, 5),
  Reflect.has(Object.create(t), 'x'), n, Reflect.has(new String('ab'), 1), Reflect.has(t, 'toString'));
