import { Counter } from 'k6/metrics';
const hits = new Counter('hits');
export const options = {
  scenarios: {
    each: { executor: 'per-vu-iterations', vus: 3, iterations: 4 },
  },
};
export default function () {
  hits.add(2);
}
