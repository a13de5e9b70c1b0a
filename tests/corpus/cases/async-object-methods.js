// async and generator methods in object literals with computed names.
const k = 'dyn';
const o = {
  async [k + 'A']() { return 'a' + await Promise.resolve(1); },
  async *[k + 'G']() { yield 'g1'; yield await Promise.resolve('g2'); },
  *['s' + 'ync']() { yield 's'; },
  async 'quoted name'() { return 'q'; },
  async 42() { return 'n'; },
};
(async () => {
  const out = [await o.dynA(), await o['quoted name'](), await o[42](), ...o.sync()];
  for await (const v of o.dynG()) out.push(v);
  console.log(out.join(','));
  console.log(Object.keys(o).join(','));
})();
