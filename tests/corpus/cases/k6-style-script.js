import { check, sleep } from 'k6';
const BASE = 'http://127.0.0.1';
export const options = { vus: 1, iterations: 1, thresholds: { checks: ['rate>0.9'] } };
export function setup() { return { token: 'abc' }; }
const pages = ['/', '/a', '/b'];
const results = pages.map((p, i) => ({ url: `${BASE}${p}`, status: i === 1 ? 404 : 200 }));
for (const { url, status } of results) {
  console.log(url, status === 200 ? 'ok' : `failed (${status})`);
}
console.log(typeof check, typeof sleep, options.vus, setup().token);
