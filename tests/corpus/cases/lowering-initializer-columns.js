// Destructuring declarations whose values are unary operators,
// templates, spreads, methods, sequences, assignments and awaited or
// yielded values, as the compiler writes them when it places k6's
// columns: their values and the order of their effects stay.
const x = { a: undefined, n: null, s: 'st' }, log = [];
let q;
function g(v) { log.push(v); return v; }
const {length: l1} = !x.n ? 'abc' : 'z';
const [c1] = `${x.s}${g(1)}`;
const [a1, ...r1] = [...[g(2), 3], ...'xy'];
const {a: {b: b1} = {b: 4}, m} = {a: x.a, m() { return 5; }};
const {s: s1, ...rest} = {...x, t: g(6)};
const {length: l2} = (g(7), [1, 2]);
const {length: l3} = q = [g(8)];
const {p: p1} = x.q = {p: g(9)};
const {u = typeof x.n} = {};
function* gen() { const {a} = yield g(10); return a; }
const it = gen();
it.next();
const out = [l1, c1, a1, r1, b1, m(), s1, Object.keys(rest), l2, l3, p1, u,
  it.next({a: 11}).value];
(async () => {
  const {length: l4} = await g(Promise.resolve('abcd'));
  const [e1] = await `${await g(12)}`;
  let err;
  try { const {a} = await g(x.n); } catch (e) { err = e instanceof TypeError; }
  console.log(JSON.stringify(out.concat([l4, e1, err])), log.length);
})();
