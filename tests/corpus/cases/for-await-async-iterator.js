// for await over a hand-written async iterator and an async generator with return().
const iterable = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return {
      next() { i++; return Promise.resolve({ value: i, done: i > 3 }); },
      return() { console.log('return called'); return Promise.resolve({ done: true }); },
    };
  },
};
(async () => {
  for await (const v of iterable) console.log('v', v);
  for await (const v of iterable) { console.log('first', v); break; }
  async function* ag() { try { yield 'x'; yield 'y'; } finally { console.log('ag finally'); } }
  for await (const v of ag()) { console.log(v); break; }
})();
