const o = { f(a, b) { return a + b; }, arr: null };
console.log(o.f?.(1, 2), o.g?.(1, 2), o.arr?.length, o?.['f']?.(3, 4));
const fns = { list: [() => 'x'] };
console.log(fns.list?.[0]?.(), fns.missing?.[0]?.());
