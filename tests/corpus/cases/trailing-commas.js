function f(a, b,) { return a + b; }
console.log(f(1, 2,));
const arr = [1, 2, 3,];
const obj = { a: 1, b: 2, };
console.log(arr.length, Object.keys(obj).length);
const g = (x,) => x;
console.log(g(5));
