function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log(depth(25));
const fact = (n) => n <= 1 ? 1 : n * fact(n - 1);
console.log(fact(10));
