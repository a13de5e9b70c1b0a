// Bodies that end while another body runs: a generator run to its end and
// an async function that ends without awaiting, inside an async body that
// then awaits; an exception left pending by a finally when the body ends.
function* two() { yield 1; yield 2; }
async function now(v) { return v * 2; }
async function outer() {
  const g = two();
  const seen = [...g, g.next().done];
  const p = now(21);
  seen.push(await p, await now(1));
  return seen;
}
async function pending() {
  try { throw new Error('kept'); } finally { await null; }
}
outer().then((v) => console.log(JSON.stringify(v)));
pending().then(() => console.log('no'), (e) => console.log('rejected', e.message));
