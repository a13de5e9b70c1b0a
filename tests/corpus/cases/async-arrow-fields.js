// async arrows in class fields keep this; async IIFEs and callbacks.
class Service {
  name = 'svc';
  fetch = async (x) => `${this.name}:${await Promise.resolve(x)}`;
}
const s = new Service();
const f = s.fetch;
(async () => {
  console.log(await f('detached'));
  const r = await Promise.all(['a', 'b'].map(async (v, i) => (await s.fetch(v)) + i));
  console.log(JSON.stringify(r));
  console.log(await (async function named() { return typeof named; })());
})();
