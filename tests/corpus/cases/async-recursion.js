// Recursive async functions and deep await chains.
async function fib(n) { return n < 2 ? n : (await fib(n - 1)) + (await fib(n - 2)); }
async function depth(n) { if (n === 0) return 0; return 1 + await depth(n - 1); }
(async () => {
  console.log(await fib(12));
  console.log(await depth(12));
  const results = await Promise.all([1, 2, 3].map(async (x) => (await fib(x + 5)) * 2));
  console.log(JSON.stringify(results));
})();
