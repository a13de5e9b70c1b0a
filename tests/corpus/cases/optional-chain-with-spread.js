const o = { sum(...xs) { return xs.length + this.base; }, base: 10 };
const args = [1, 2, 3];
console.log(o.sum?.(...args), o.nope?.(...args));
