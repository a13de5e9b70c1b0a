// Logical assignment with awaits on nested members, counters of reads.
let reads = 0;
const tick = (v) => Promise.resolve(v);
const store = { get o() { reads++; return this._o; }, _o: { a: null, b: 0, c: 'c' } };
(async () => {
  store.o.a ??= await tick('A');
  store.o.b ||= await tick('B');
  store.o.c &&= await tick('C');
  store.o[await tick('d')] ??= await tick('D');
  console.log(JSON.stringify(store._o), reads);
})();
