// yield* in async generators: errors from the inner iterator, and an
// inner iterator without throw().
async function* boom() { yield 1; throw new Error('inner failed'); }
async function* outer() {
  try { yield* boom(); } catch (e) { yield 'outer caught ' + e.message; }
  yield* { [Symbol.asyncIterator]() { return { next: () => Promise.resolve({ value: 'no throw', done: false }) }; } };
}
(async () => {
  const it = outer();
  console.log(JSON.stringify([await it.next(), await it.next(), await it.next()]));
  try { await it.throw(new Error('into inner')); } catch (e) { console.log(e.constructor === TypeError, e.message.length > 0); }
  console.log(JSON.stringify(await it.next()));
})();
