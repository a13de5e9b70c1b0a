const base = { a: 1, b: 2 };
const ext = { ...base, b: 3, c: 4 };
console.log(ext.a, ext.b, ext.c);
const copy = { ...base };
copy.a = 100;
console.log(base.a, copy.a);
const withNull = { ...null, ...undefined, x: 1 };
console.log(withNull.x, Object.keys(withNull).length);
