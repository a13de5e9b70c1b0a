// Stacks show the script's own frames: the function it called (native)
// and its own, never the compiler's helpers or the runtime library, and
// the default export as "default".
import { check } from 'k6';

function inner(x) {
  throw new Error('deep ' + x);
}

export const options = {
  scenarios: {
    sync: { executor: 'per-vu-iterations', iterations: 1, exec: 'syncFn' },
    async: { executor: 'per-vu-iterations', iterations: 1, exec: 'default', startTime: '200ms' },
  },
};

export function syncFn() {
  inner(1);
}

export default async function () {
  await null;
  check(1, { 'throws': () => inner(2) });
}
