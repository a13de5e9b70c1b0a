function f(first, ...others) { return first + ':' + others.length + ':' + others.join('|'); }
console.log(f(1), f(1, 2, 3));
const g = (...all) => all.reduce((s, x) => s + x, 0);
console.log(g(1, 2, 3, 4));
