// A request's samples carry a long metadata value: too long for all of
// them to share one batch, each still reaches the outputs.
import http from 'k6/http';
import exec from 'k6/execution';
export const options = { iterations: 1 };
export default function () {
  exec.vu.metrics.metadata['trace'] = 'x'.repeat(150000);
  http.get(`${__ENV.TARGET}/get`);
}
