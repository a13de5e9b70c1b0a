// Frames name the column of the expression each one is at, as k6's
// engine does: a call's "(", a new's "new", a member's name, the end of
// the object whose method is read.
export const options = { iterations: 4, vus: 1 };
const a = { b() { return { c() { throw new Error('in c'); }, d: undefined }; } };
class K { n() { [1].forEach(() => { this.q.s.t(); }); } }
export default function () {
  if (__ITER === 0) a.b().c();
  if (__ITER === 1) a.b().d.e();
  if (__ITER === 2) a.b().nope();
  if (__ITER === 3) new K().n();
}
