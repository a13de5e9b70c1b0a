// await in template literals, conditionals, logical chains and arguments.
const tick = (v) => Promise.resolve(v);
function sum(...xs) { return xs.reduce((a, b) => a + b, 0); }
(async () => {
  const name = 'k6';
  console.log(`hello ${await tick(name)} and ${await tick(1) + 1}`);
  console.log((await tick(true)) ? await tick('yes') : await tick('no'));
  console.log((await tick(0)) || (await tick('fallback')));
  console.log((await tick(null)) ?? 'nullish');
  console.log(sum(1, await tick(2), ...(await tick([3, 4])), await tick(5)));
  console.log([await tick('a'), ...[await tick('b')]].join(''));
  console.log(JSON.stringify({ k: await tick('v'), [await tick('c')]: 1, ...(await tick({ s: 2 })) }));
})();
