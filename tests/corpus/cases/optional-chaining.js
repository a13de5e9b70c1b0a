const o = { a: { b: { c: 1 } }, f() { return this.a; }, arr: [1, 2] };
console.log(o?.a?.b?.c, o.x?.y, o.x?.y.z.w, o.a?.['b']?.c);
console.log(o.f?.().b.c, o.g?.(), o.arr?.[1], o.nope?.[0]);
const n = null;
console.log(n?.x, n?.[0], n?.(), typeof n?.x);
let count = 0;
const side = () => { count++; return null; };
side()?.a.b.c;
console.log(count);
