// An async function's error left uncaught in each stage, after an await
// and before one (PHASE "vu!"): the stage's line names the frames as k6's
// engine does.  Do not move lines: the cases name them.
async function fail(where) {
  await null;
  throw new Error(where);
}
async function fast(where) {
  throw new Error(where + ' at once');
}
async function step(where) {
  if (where.endsWith('!')) await fast(where);
  await fail(where);
}
if (__ENV.PHASE === 'init') step('init');
export const options = { iterations: 1 };
export async function setup() {
  if (__ENV.PHASE === 'setup') await step('setup');
}
export default async function () {
  if (__ENV.PHASE === 'vu') await step('vu');
  if (__ENV.PHASE === 'vu!') await step('vu!');
}
export async function teardown() {
  if (__ENV.PHASE === 'teardown') await step('teardown');
}
export async function handleSummary() {
  if (__ENV.PHASE === 'summary') await step('summary');
  return {};
}
