// super: a method's call at its "(", a read at the member's name or "[",
// as k6's engine has them, without a frame of the compiler's.
export const options = { iterations: 4, vus: 1 };
class A { m() { throw new Error('m'); } get x() { throw new Error('x'); } }
const k = 'x', xs = [1];
function g(v) { return v; }
class B extends A {
  n() { return g(super.m()); }
  y() { return g(1), super.x; }
  z() { return g(super[k]); }
  s() { return g(super.m(...xs)); }
}
export default function () {
  if (__ITER === 0) new B().n();
  if (__ITER === 1) new B().y();
  if (__ITER === 2) new B().z();
  if (__ITER === 3) new B().s();
}
