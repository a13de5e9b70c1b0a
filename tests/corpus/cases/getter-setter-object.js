const o = {
  _v: 1,
  get v() { return this._v; },
  set v(x) { this._v = x * 2; },
};
o.v = 5;
console.log(o.v);
const p = { get ['comp' + 'uted']() { return 'c'; } };
console.log(p.computed);
