// import() inside async functions and generators, in parallel and in order.
async function load(name) {
  const ns = await import('./lib/shapes.js');
  return name + ':' + new ns.Square(2).area();
}
async function* modules() { yield (await import('./lib/counter.js')).name; yield (await import('./lib/helper.cjs')).default.twice(2); }
(async () => {
  console.log(JSON.stringify(await Promise.all([load('a'), load('b')])));
  const out = [];
  for await (const v of modules()) out.push(v);
  console.log(JSON.stringify(out));
})();
