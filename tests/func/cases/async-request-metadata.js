// exec.vu.metrics.metadata is taken with the request, as k6 takes it: an
// async request's samples carry what it held when the request was made,
// though the request ends after the script changed it.
import http from 'k6/http';
import exec from 'k6/execution';
export const options = { iterations: 1 };
export default async function () {
  const md = exec.vu.metrics.metadata;
  md.trace_id = 'sync-1';
  http.get(`${__ENV.TARGET}/get?s`);
  md.trace_id = 'async-1';
  const p1 = http.asyncRequest('GET', `${__ENV.TARGET}/get?a1`);
  md.trace_id = 'async-2';
  const p2 = http.asyncRequest('GET', `${__ENV.TARGET}/delay/0.05`);
  delete md.trace_id;
  await Promise.all([p1, p2]);
}
