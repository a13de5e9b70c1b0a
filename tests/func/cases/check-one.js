// check() of a set of one checker: its result, sample, tags and errors
// are those of any other set.
import { check } from 'k6';
export const options = {
  iterations: 2,
  thresholds: {
    'checks{check:one false}': ['rate==0'],
    'checks{kind:tagged}': ['rate==1'],
  },
};
export default function () {
  const r = [];
  r.push(check(1, { 'one true': (v) => v === 1 }));
  r.push(check(1, { 'one false': () => false }));
  r.push(check(1, { 'one value': 0 }));
  r.push(check(1, { 'one tagged': () => true }, { kind: 'tagged' }));
  const hidden = {};
  Object.defineProperty(hidden, 'hidden', { value: () => false, enumerable: false });
  r.push(check(1, hidden));
  r.push(check(1, Object.create({ inherited: () => false })));
  r.push(check(1, { get 'one getter'() { return () => true; } }));
  const gone = { 'one deleting': () => { delete gone['one deleting']; return true; } };
  r.push(check(1, gone));
  r.push(check(1, [() => true]));
  try {
    check(1, { 'one throwing': () => { throw new Error('boom'); } });
    r.push('no throw');
  } catch (e) {
    r.push(e.message);
  }
  console.log(r.join());
}
