// An async default function and teardown in a run: each iteration ends
// when its awaited timers and promises settle.
import http from 'k6/http';
import { check } from 'k6';
import { Counter, Trend } from 'k6/metrics';

const steps = new Counter('steps');
const waited = new Trend('waited', true);
export const options = { vus: 2, iterations: 6 };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const get = (url) => new Promise((r) => setTimeout(() => r(http.get(url)), 1));

export function setup() {
  return { base: __ENV.TARGET };
}

async function* pages(base, n) {
  for (let i = 0; i < n; i++) yield await get(`${base}/get?page=${i}`);
}

export default async function (data) {
  const t0 = Date.now();
  await sleep(20);
  waited.add(Date.now() - t0);
  steps.add(1);
  for await (const res of pages(data.base, 2)) {
    check(res, { 'status 200': (r) => r.status === 200 });
    steps.add(1);
  }
  try {
    await Promise.reject(new Error('expected'));
  } catch (e) {
    steps.add(e.message === 'expected' ? 1 : 100);
  }
}

export async function teardown(data) {
  console.log(`teardown saw ${data.base === __ENV.TARGET}`);
}

export function handleSummary(d) {
  return { stdout: `async summary: ${d.metrics.steps.values.count} steps\n` };
}
