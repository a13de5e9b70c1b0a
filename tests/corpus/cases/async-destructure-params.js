// Destructured parameters of async functions and awaits in their bodies.
async function f({ a, b = 2 } = {}, [c, ...d] = [], ...rest) {
  await null;
  return [a, b, c, d, rest];
}
const g = async ({ x } = { x: 'default' }) => x + (await Promise.resolve('!'));
(async () => {
  console.log(JSON.stringify(await f({ a: 1 }, [3, 4, 5], 6, 7)));
  console.log(JSON.stringify(await f()));
  console.log(await g(), await g({ x: 'given' }));
})();
