function f(a, b = a * 2, c = b + 1) { return [a, b, c].join(','); }
console.log(f(1), f(1, 5), f(1, undefined, 0));
function g(x = 'dflt') { return x; }
console.log(g(), g(null), g(undefined), g(0));
