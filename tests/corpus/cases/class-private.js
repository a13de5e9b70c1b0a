class Counter {
  #count = 0;
  static #instances = 0;
  constructor() { Counter.#instances++; }
  #bump(n) { this.#count += n; }
  inc() { this.#bump(1); return this; }
  get value() { return this.#count; }
  static get instances() { return Counter.#instances; }
  has(o) { return #count in o; }
}
const c = new Counter();
c.inc().inc();
new Counter();
console.log(c.value, Counter.instances, c.has(c), c.has({}));
console.log(Object.keys(c).length, JSON.stringify(c));
