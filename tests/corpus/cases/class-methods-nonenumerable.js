class A { m() {} static s() {} }
const keys = [];
for (const k in new A()) keys.push(k);
console.log(keys.length, Object.keys(A.prototype).length);
