// async methods, getters awaiting, static async, arrow this and arguments.
class Api {
  constructor() { this.base = 'b'; }
  async get(p) { await null; return this.base + p; }
  static async make() { const a = new this(); a.base = await Promise.resolve('s'); return a; }
  arrow() { return (async () => { await 0; return this.base; })(); }
}
async function args() { await 0; return arguments.length + ':' + [].join.call(arguments, ','); }
(async () => {
  const a = new Api();
  console.log(await a.get('/x'));
  console.log(await (await Api.make()).get('/y'));
  console.log(await a.arrow());
  console.log(await args(1, 2, 3));
  const o = { n: 1, async m() { return this.n + await 1; } };
  console.log(await o.m());
})();
