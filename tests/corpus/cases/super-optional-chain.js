// super.x in an optional chain: read with this, called with this,
// computed, spread, missing, in static and object-literal methods.
class A {
  constructor() { this.v = 10; }
  m(x) { return this.v + x; }
  get g() { return { h: this.v * 2 }; }
  static s() { return 'static ' + this.name; }
}
class B extends A {
  m(x) { return super.m?.(x) + 1; }
  n() { return super.missing?.(1); }
  o() { return super.g?.h; }
  p(...a) { return super.m?.(...a); }
  q() { return super['m']?.(5); }
  r() { return super.missing?.x.y.z; }
  static s() { return super.s?.() + '!'; }
}
const b = new B();
console.log(b.m(1), b.n(), b.o(), b.p(3), b.q(), b.r(), B.s());
const obj = { __proto__: { f() { return 'proto f ' + (this === obj); } }, f() { return super.f?.(); } };
console.log(obj.f());
