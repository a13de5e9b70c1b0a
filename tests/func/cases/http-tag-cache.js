// More request shapes than a VU's cache of tag sets holds (8): each
// request's samples still carry its own tags, over rounds that reuse
// and replace the cache's entries.
import http from 'k6/http';

const N = 10;
const thresholds = {};
for (let i = 0; i < N; i++)
  thresholds[`http_reqs{name:n${i}}`] = ['count==3'];

export const options = { iterations: 1, thresholds };

export default function () {
  // up, then down twice: the later rounds find most shapes cached
  for (let round = 0; round < 3; round++)
    for (let k = 0; k < N; k++) {
      const i = round === 0 ? k : N - 1 - k;
      http.get(`${__ENV.TARGET}/get?i=${i}`, { tags: { name: `n${i}` } });
    }
}
