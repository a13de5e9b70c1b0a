const x = 'outer';
function f(a = x, b = () => a) { const x = 'inner'; return a + b() + x; }
console.log(f());
