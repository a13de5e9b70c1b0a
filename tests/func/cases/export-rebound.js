// An exported function's binding changed after init: k6 calls what the
// export held when the VU was made, every iteration (export-rebound.case).
import { Counter } from 'k6/metrics';

const first = new Counter('first_calls');
const later = new Counter('later_calls');

export const options = {
  scenarios: {
    main: { executor: 'per-vu-iterations', vus: 2, iterations: 3 },
    other: { executor: 'per-vu-iterations', vus: 1, iterations: 2, exec: 'named' },
  },
};

let run = function () {
  first.add(1);
  run = function () { later.add(1); };
};
export { run as default };

export let named = function () {
  first.add(1);
  named = function () { later.add(1); };
};
