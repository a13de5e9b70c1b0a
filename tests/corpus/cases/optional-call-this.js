const o = {
  v: 5,
  m() { return this.v; },
  inner: { v: 6, m() { return this.v; } },
};
console.log(o.m?.(), o.inner?.m(), o.inner.m?.(), o?.inner?.m?.());
