// Optional calls keep this, spread lists build new arrays, and super.m()
// reads m as super.x does (a getter runs with this).
const o = { v: 7, m() { return this.v; }, n: null, f(...a) { return this.v + a.length; } };
const xs = [1, 2];
class A {
  get g() { return 'g' + this.k; }
  get h() { const k = this.k; return function () { return k; }; }
  m(a, b) { return this.k + a + b; }
}
class B extends A {
  constructor() { super(); this.k = 1; }
  t() { return [super.m(...xs), super.m(5, 6), super.g, super.h(), super['m'](0, 0)]; }
}
const copy = [...xs];
copy.push(3);
console.log(JSON.stringify([o?.m(), o.m?.(), o?.n?.x, o.n?.(), o?.f(...xs), o.f?.(...xs),
  o?.['m'](), [...'ab', 1, ...xs].join(), xs.length, copy.length,
  (function () { return [...arguments].length; })(1, 2, 3), new B().t()]));
const { a: { b = 5 } = {}, ...rest } = { c: 1, d: 2 };
let i = { n: 1 };
i.n++;
--i['n'];
console.log(b, JSON.stringify(rest), i.n, String.raw`x${1 + 1}y`);
