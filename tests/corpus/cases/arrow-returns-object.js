const mk = (a, b) => ({ a, b, sum: a + b });
const r = mk(1, 2);
console.log(r.a, r.b, r.sum);
const id = x => x;
console.log(id({ k: 1 }).k);
