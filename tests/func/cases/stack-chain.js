// Frames in optional chains name the same columns as without the "?.":
// a call's "(", a member's name or its "[", a method read at the end of
// its object.
export const options = { iterations: 9, vus: 1 };
const a = { b: { c() { throw new Error('c'); }, d: undefined }, m: null };
const f = function f() { throw new Error('f'); };
const k = 'b', xs = [1];
function g(v) { return v; }
export default function () {
  if (__ITER === 0) g(a?.b.c());
  if (__ITER === 1) g(1), a?.[k]['c']();
  if (__ITER === 2) g(f?.());
  if (__ITER === 3) g(a?.b.d.e);
  if (__ITER === 4) g(a?.b.c(...xs));
  if (__ITER === 5) g(a?.b.c?.());
  if (__ITER === 6) g(a.b?.d.e());
  if (__ITER === 7) g(a
    ?.b
    .c(), 2);
  if (__ITER === 8) g(a?.b.c(...xs), g(1));
}
