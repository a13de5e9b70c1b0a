// lyjs-only
// A call written over several lines is, in the stack, on the line of its
// "(" as in k6 (mujs gave it the line its arguments end on), when its
// first argument starts on that line.
function thrower(a, b) {
  throw new Error('x' + a + b);
}
function show(f) {
  try {
    f();
  } catch (e) {
    console.log(e.stack.split('\n').slice(2, 3).join(''));
  }
}
show(() => thrower(1,
  2));
show(() => [1].map((x) => {
  return thrower(x, {
    a: 1,
  });
}));
show(() => { for (const k in { a: 1 }) thrower(k,
  k); });
show(() => { try { thrower(1,
  2); } finally { } });
show(() => { switch (1) { case 1: thrower(1,
  2); } });
show(() => { for (const v of [1]) { thrower(v, (() =>
  v)()); } });
show(() => new Error('not thrown', {
  cause: 1,
}).stack.split('\n').length > 1 && thrower(1,
  2));
