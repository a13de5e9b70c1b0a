// Values sent into generators, in expressions, loops and defaults.
function* acc() { let total = 0; for (;;) { const v = yield total; if (v === undefined) return total; total += v; } }
const it = acc();
it.next();
console.log(it.next(5).value, it.next(10).value, JSON.stringify(it.next()));
function* pairs() { const a = yield 'a?'; const b = yield 'b?'; return [a, b, (yield 'c?') + (yield 'd?')]; }
const p = pairs();
console.log(JSON.stringify([p.next(), p.next(1), p.next(2), p.next(3), p.next(4)]));
function* args(x = 1) { yield x; yield arguments.length; }
console.log(JSON.stringify([[...args()], [...args(5, 6)]]));
