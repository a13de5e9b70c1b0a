const { a, b: bee, c = 'dflt', d: { e } } = { a: 1, b: 2, d: { e: 'deep' } };
console.log(a, bee, c, e);
let m, n;
({ m, n = 7 } = { m: 3 });
console.log(m, n);
const key = 'k';
const { [key]: val } = { k: 'computed' };
console.log(val);
