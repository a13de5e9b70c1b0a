let calls = 0;
const v = () => { calls++; return 'v'; };
let a = 'set';
a ||= v();
let b = null;
b &&= v();
let c = 0;
c ??= v();
console.log(a, b, c, calls);
