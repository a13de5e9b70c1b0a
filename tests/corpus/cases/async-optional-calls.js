// Optional calls and members with awaits in arguments and keys.
const tick = (v) => Promise.resolve(v);
const api = { list: { items: ['i0', 'i1'], at(i) { return this.items[i]; } }, none: undefined };
(async () => {
  const out = [];
  out.push(api.list?.at(await tick(1)));
  out.push(api.none?.at(await tick(0)));
  out.push(api.list.missing?.(await tick(0)));
  out.push(api?.list?.items?.[await tick(0)]?.toUpperCase());
  out.push((await tick(api)).none?.[await tick('k')].deep);
  console.log(JSON.stringify(out));
})();
