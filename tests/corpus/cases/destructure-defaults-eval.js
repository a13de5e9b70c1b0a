let calls = 0;
function d() { calls++; return 'd'; }
const [a = d(), b = d()] = [1];
console.log(a, b, calls);
const { x = d() } = { x: null };
console.log(x, calls);
