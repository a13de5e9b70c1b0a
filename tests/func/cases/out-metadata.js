// exec.vu.metrics.metadata: carried to the outputs, not into tags.
import exec from 'k6/execution';
import { check } from 'k6';
import { Counter } from 'k6/metrics';

const c = new Counter('marked');
export const options = { vus: 1, iterations: 3 };
export default function () {
  const md = exec.vu.metrics.metadata;
  md.trace_id = 'trace-' + __ITER;
  md.n = 7;
  if (__ITER === 2)
    delete exec.vu.metrics.metadata.n;
  c.add(1);
  check(exec.vu.metrics.metadata, {
    'reads back': (m) => m.trace_id === 'trace-' + __ITER && (__ITER === 2 ? m.n === undefined : m.n === '7'),
    'not a tag': () => exec.vu.tags.trace_id === undefined,
  });
  let threw = false;
  try { exec.vu.metrics.metadata.bad = {}; } catch (e) { threw = e instanceof TypeError; }
  check(threw, { 'objects refused': (t) => t === true });
}
