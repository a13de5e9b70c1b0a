function f() { return [...arguments].reverse().join(''); }
console.log(f('a', 'b', 'c'));
function g(...a) { return Math.min(...a); }
console.log(g(5, 2, 8));
