// __ENV behaves as a plain object of strings, whatever lists, reads,
// changes or freezes it first (js/env.c shows the variables through a
// hook until then).
const initA = __ENV.A;
export const options = {
  scenarios: {
    reads: { executor: 'per-vu-iterations', vus: 1, iterations: 1, exec: 'reads', env: { B: 'scen', A: 'over' } },
    freeze: { executor: 'per-vu-iterations', vus: 1, iterations: 1, exec: 'freeze' },
    change: { executor: 'per-vu-iterations', vus: 1, iterations: 1, exec: 'change' },
  },
};
function eq(what, got, want) {
  if (JSON.stringify(got) !== JSON.stringify(want))
    throw new Error(what + ': ' + JSON.stringify(got) + ', want ' + JSON.stringify(want));
}
const mine = (keys) => keys.filter((k) => ['A', 'B', 'C', 'Z'].indexOf(k) >= 0);
export function reads() {
  eq('init', initA, 'a');
  // read once, a plain property of the global, as k6 sets it
  const env = __ENV;
  const d = Object.getOwnPropertyDescriptor(globalThis, '__ENV');
  eq('global', [typeof d.get, d.value === env, d.writable, d.enumerable, d.configurable],
    ['undefined', true, true, true, true]);
  eq('values', [__ENV.A, __ENV.B, __ENV.Z, __ENV.NOPE], ['over', 'scen', 'zz', undefined]);
  eq('in', ['A' in __ENV, 'NOPE' in __ENV, 'toString' in __ENV], [true, false, true]);
  eq('class', [typeof __ENV, Object.prototype.toString.call(__ENV),
    Object.getPrototypeOf(__ENV) === Object.prototype], ['object', '[object Object]', true]);
  eq('own', __ENV.hasOwnProperty('B'), true);
  eq('keys', mine(Object.keys(__ENV)), ['A', 'Z', 'B']);
  const o = {};
  for (const k in __ENV) if (mine([k]).length) o[k] = __ENV[k];
  eq('for-in', o, { A: 'over', Z: 'zz', B: 'scen' });
  eq('descriptor', Object.getOwnPropertyDescriptor(__ENV, 'Z'),
    { value: 'zz', writable: true, enumerable: true, configurable: true });
  __ENV.C = 'new';
  delete __ENV.B;
  eq('changed', [__ENV.C, __ENV.B, mine(Object.keys(__ENV))], ['new', undefined, ['A', 'Z', 'C']]);
  console.log('env-object reads ok');
}
export function freeze() {
  // frozen before anything listed the variables
  Object.freeze(__ENV);
  eq('frozen', [Object.isFrozen(__ENV), __ENV.Z, mine(Object.keys(__ENV))], [true, 'zz', ['A', 'Z']]);
  let threw = false;
  try { __ENV.Z = 'x'; } catch (e) { threw = true; }
  eq('frozen value', [threw, __ENV.Z], [true, 'zz']);
  console.log('env-object freeze ok');
}
export function change() {
  // changed and deleted before anything listed the variables
  __ENV.A = 'set';
  delete __ENV.Z;
  eq('changed', [__ENV.A, __ENV.Z, mine(Object.keys(__ENV))], ['set', undefined, ['A']]);
  console.log('env-object change ok');
}
