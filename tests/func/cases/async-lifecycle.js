// async setup(), teardown() and handleSummary(): each one's promise is
// awaited, its timers run, and its value is what the promise gives.
import { Counter } from 'k6/metrics';

const seen = new Counter('seen');
export const options = { vus: 1, iterations: 2 };

const later = (v, ms) => new Promise((r) => setTimeout(() => r(v), ms));

export async function setup() {
  await 0;
  setTimeout(() => console.log('setup timer ran'), 5);
  return { token: await later('abc', 10) };
}

export default async function (data) {
  if (data.token === 'abc') seen.add(1);
  // a timer made after an await, when the VU had none yet
  await later(0, 1);
  seen.add(1);
}

export async function teardown(data) {
  await later(0, 5);
  console.log(`teardown after await saw ${data.token}`);
}

export async function handleSummary(d) {
  await 0;
  const n = await later(d.metrics.seen.values.count, 5);
  return { stdout: `async summary: seen ${n}\n` };
}
