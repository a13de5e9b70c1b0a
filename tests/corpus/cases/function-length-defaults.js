// A function's length counts its parameters before the first with a
// default or the rest, in every function form; the others still bind.
function f(a = 1, { b } = { b: 2 }) { return [a, b, arguments.length]; }
function g(a, b = 1, c) { return [a, b, c]; }
const h = (a, [b] = [], ...r) => [a, b, r.length];
const o = { m(x, y = 2, z) { return x + y + (z || 0); }, async n(p = 0, q) { return p + q; } };
class K { constructor(u, v = 1) { this.s = u + v; } static s(a, { c } = {}, d) { return [a, c, d]; } }
function* gen(a, b = 2, c) { yield a + b + c; }
console.log(f.length, g.length, h.length, o.m.length, o.n.length, K.length, K.s.length, gen.length);
console.log(JSON.stringify([f(), f(5, { b: 6 }), g(1, undefined, 3), h(1, [2], 3, 4)]));
console.log(o.m(1, undefined, 3), new K(1).s, JSON.stringify(K.s(1, { c: 2 }, 3)), [...gen(1, undefined, 3)][0]);
o.n(undefined, 4).then((v) => console.log('n', v));
console.log(((x = 1) => x).length, (function (a, ...r) {}).length, (async (a, b = a) => b).length);
