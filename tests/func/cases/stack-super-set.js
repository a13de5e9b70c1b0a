// super members written: the setter's caller at the member's name or "["
// (after the value for &&=, ||= and ??=; where the value notes no
// position, k6's is not known and the line's start is named), as k6's
// engine has them.  A read by ++, -- or an operator assignment notes no
// position of its own in k6 and is not placed.
export const options = { iterations: 9, vus: 1 };
class A { set x(v) { throw new Error('set'); } get x() { return 1; } get y() { return 0; } set y(v) { throw new Error('sety'); } get z() { throw new Error('z'); } }
const k = 'x';
function g(v) { return v; }
class B extends A {
  a() { g(1); super.x = g(2); }
  b() { g(1); super.x += g(2); }
  c() { g(1); super[k] *= 2; }
  d() { g(1); super.x++; }
  e() { g(1); --super[k]; }
  f() { g(1); super.y ||= g(3); }
  h() { g(1); super.y ||= 3; }
  i() { g(1); [super.x] = [g(1)]; }
  j() { g(1); super.y += g(super.z); }
}
export default function () {
  const b = new B();
  if (__ITER === 0) b.a();
  if (__ITER === 1) b.b();
  if (__ITER === 2) b.c();
  if (__ITER === 3) b.d();
  if (__ITER === 4) b.e();
  if (__ITER === 5) b.f();
  if (__ITER === 6) b.h();
  if (__ITER === 7) b.i();
  if (__ITER === 8) b.j();
}
