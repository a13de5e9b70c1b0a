// lyjs-only: Object.groupBy and Map.groupBy (ES2024) are not in node 20.
const g = Object.groupBy([1, 2, 3, 4, 5], (n, i) => (n % 2 ? "odd" : "even") + (i > 3 ? "!" : ""));
console.log(Object.getPrototypeOf(g) === null, Object.keys(g).join(), JSON.stringify(g));
const m = Map.groupBy(["apple", "avocado", "banana"], (s) => s[0]);
console.log(m instanceof Map, m.size, JSON.stringify([...m]));
const key = {};
console.log(Map.groupBy([1, 2], () => key).get(key).join());
try { Object.groupBy([1], 5); } catch (e) { console.log(e instanceof TypeError); }
