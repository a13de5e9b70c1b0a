let a, b;
const r = ([a, b] = [1, 2]);
console.log(r.length, a, b);
const s = ({ a } = { a: 'x' });
console.log(s.a, a);
