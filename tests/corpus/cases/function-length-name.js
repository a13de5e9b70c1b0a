function f(a, b) {}
const g = function named() {};
console.log(f.length, typeof g);
