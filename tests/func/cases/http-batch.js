// http.batch: array and object forms, run in parallel within the VU.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1, batchPerHost: 2 };
const B = __ENV.TARGET;

export default function () {
  let t0 = Date.now();
  let rs = http.batch([
    `${B}/delay/300`,
    ['POST', `${B}/delay/300`, 'x'],
    { method: 'GET', url: `${B}/delay/300`, params: { tags: { name: 'third' } } },
    ['GET', http.url`${B}/get?n=${4}`],
  ]);
  let dt = Date.now() - t0;
  check(rs, {
    'array shape': (rs) => rs.length === 4 && rs[0].status === 200 && rs[1].status === 200 &&
      rs[2].status === 200 && rs[3].json('args.n') === '4',
    'parallel, capped by batchPerHost': () => dt >= 550 && dt < 1000,
  });
  rs = http.batch({ a: `${B}/get?x=a`, b: { method: 'POST', url: `${B}/post`, body: 'bb' } });
  check(rs, { 'object shape': (rs) => rs.a.json('args.x') === 'a' && rs.b.json('data') === 'bb' });
  rs = http.batch([]);
  check(rs, { 'empty batch': (rs) => rs.length === 0 });
}
