function sum(a, b, c) { return a + b + c; }
const args = [1, 2, 3];
console.log(sum(...args));
console.log(sum(0, ...[5, 6]));
console.log(Math.max(...args, 10, ...[4]));
const o = { base: 100, add(a, b) { return this.base + a + b; } };
console.log(o.add(...[1, 2]));
console.log(o['add'](...[3, 4]));
