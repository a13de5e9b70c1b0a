// await and yield in destructuring defaults and computed keys, in
// declarations and assignments; a default runs only for undefined.
const log = [];
const tick = (v) => Promise.resolve(v).then((x) => (log.push('tick ' + x), x));
async function main(o) {
  const { a = await tick(1), b: [c = await tick(2)] = [] } = o;
  let x, y, rest, z;
  ({ x = await tick(3), y = 4 } = {});
  log.push([a, c, x, y].join());
  const { [await tick('k')]: kv = await tick('dflt'), ...others } = { k: undefined, m: 1, n: 2 };
  log.push(kv + ' ' + JSON.stringify(others));
  let [p = await tick('p'), , q = await tick('q'), ...tail] = [undefined, 0, null, 7, 8];
  log.push(JSON.stringify([p, q, tail]));
  [x, [y = await tick('y')] = [], ...rest] = [10, undefined, 11];
  log.push(JSON.stringify([x, y, rest]));
  var { deep: { er = await tick('er') } = {} } = {};
  log.push(er);
  const r = ({ z = await tick('z') } = {});
  log.push(JSON.stringify(r));
}
function* gen() {
  const { a = yield 'a?', b = yield 'b?' } = { b: 'given' };
  const [c = yield 'c?'] = [];
  return [a, b, c];
}
main({ a: 9 }).then(() => {
  console.log(log.join('\n'));
  const it = gen();
  console.log(JSON.stringify([it.next(), it.next('A'), it.next('C')]));
});
