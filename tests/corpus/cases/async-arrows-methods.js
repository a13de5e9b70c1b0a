const add = async (a, b) => a + b;
const one = async x => x * 2;
const obj = {
  v: 3,
  async get() { return this.v; },
  arrowThis() { return (async () => this.v * 10)(); },
};
class K {
  constructor() { this.n = 5; }
  async m() { await null; return this.n; }
  static async s() { return "static"; }
  async *gen() { yield this.n; }
}
(async () => {
  console.log(await add(1, 2), await one(4), await obj.get(), await obj.arrowThis());
  const k = new K();
  console.log(await k.m(), await K.s());
  for await (const x of k.gen()) console.log("agen", x);
  const fe = async function named() { return typeof named; };
  console.log(await fe());
})();
