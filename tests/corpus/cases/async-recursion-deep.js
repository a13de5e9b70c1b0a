// Async recursion 30 levels deep: each level's body runs inside the one
// that called it until its first await.
async function depth(n) { if (n === 0) return 0; return 1 + await depth(n - 1); }
async function sum(n) { return n === 0 ? 0 : n + (await sum(n - 1)); }
(async () => {
  console.log(await depth(30));
  console.log(await sum(30));
})();
