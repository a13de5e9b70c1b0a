// Generators as iterables: spread, destructuring, Array.from, Map, closing.
function* nums(n) { try { for (let i = 0; i < n; i++) yield i; } finally { console.log('closed at', n); } }
console.log(JSON.stringify([...nums(3)]));
const [a, b] = nums(5);
console.log(a, b);
console.log(JSON.stringify(Array.from(nums(2), (x) => x * 10)));
console.log(new Map([...nums(2)].map((x) => [x, x * x])).get(1));
for (const x of nums(10)) { if (x === 2) break; }
const [first, ...rest] = nums(4);
console.log(first, JSON.stringify(rest));
console.log(Math.max(...nums(4)));
