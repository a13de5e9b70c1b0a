// for-in hands out each array index as its own string.
const keys = [];
for (const k in [10, 20, 30]) keys.push(k);
const later = [];
for (var i in ["a", "b"]) later.push(() => i);
const str = [];
for (const k in "xyz") str.push(k);
console.log(keys.join(), later.map((f) => f()).join(), str.join(), typeof keys[0]);
const big = new Array(5000).fill(0);
let sum = 0, last;
for (const k in big) { sum += Number(k); last = k; }
console.log(sum, last, Object.keys(big).slice(4997).join());
