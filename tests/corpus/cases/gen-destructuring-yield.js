// yield in destructuring defaults and computed keys of generators.
function* g() {
  const { a = yield 'need a', [yield 'key?']: b = 'no b' } = { x: 'bx' };
  let c, d;
  [c = yield 'need c', d = 'd'] = [];
  return JSON.stringify({ a, b, c, d });
}
const it = g();
const steps = [it.next(), it.next('A'), it.next('x'), it.next('C')];
console.log(JSON.stringify(steps));
