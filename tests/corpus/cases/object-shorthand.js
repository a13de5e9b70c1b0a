const a = 1, b = 'two';
const o = { a, b, c: 3 };
console.log(o.a, o.b, o.c);
const m = {
  hello() { return 'hi'; },
  get x() { return 10; },
  set x(v) { this._x = v; },
  'quoted key': 1,
  42: 'num',
};
m.x = 5;
console.log(m.hello(), m.x, m._x, m['quoted key'], m[42]);
