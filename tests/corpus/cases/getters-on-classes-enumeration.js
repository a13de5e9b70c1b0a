class P { get g() { return 1; } m() {} }
const p = new P();
console.log(Object.keys(p).length, 'g' in p, p.g);
