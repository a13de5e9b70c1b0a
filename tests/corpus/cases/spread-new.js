function P(a, b) { this.s = a + b; }
const p = new P(...[3, 4]);
console.log(p.s, p instanceof P);
const d = new Date(...[2020, 0, 15]);
console.log(d.getFullYear(), d.getMonth(), d.getDate());
