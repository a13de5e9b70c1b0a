async function fail() { throw new Error("late"); }
const p = fail();
p.catch((e) => console.log("handled", e.message));
(async () => {
  const results = [];
  for (const v of [1, 2, 3]) {
    try {
      if (v === 2) throw new Error("two");
      results.push(await Promise.resolve(v));
    } catch (e) {
      results.push(e.message);
    }
  }
  console.log(results.join(","));
})();
