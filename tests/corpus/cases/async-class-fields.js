// Class fields and static blocks next to async methods and awaited keys.
const tick = (v) => Promise.resolve(v);
(async () => {
  class Counter {
    count = 0;
    static instances = 0;
    static { Counter.ready = true; }
    #secret = 's';
    constructor() { Counter.instances++; }
    async inc() { await null; return ++this.count; }
    async [await tick('peek')]() { return this.#secret; }
  }
  const c = new Counter();
  await c.inc();
  console.log(await c.inc(), Counter.instances, Counter.ready, await c.peek());
})();
