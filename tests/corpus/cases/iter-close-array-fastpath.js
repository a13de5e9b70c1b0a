// Arrays are indexed only while they keep the built-in iterator; one
// with its own iterator is iterated (and closed) like any other object.
const log = [];
const arr = [1, 2, 3];
arr[Symbol.iterator] = function () {
  let i = 0;
  const self = this;
  return {
    next() { log.push("next"); return i < 2 ? { value: self[i++] * 10, done: false } : { done: true }; },
    return() { log.push("return"); return {}; },
  };
};
for (const x of arr) log.push(x);
console.log(log.join(" "));
log.length = 0;
for (const x of arr) { log.push(x); break; }
console.log(log.join(" "));
log.length = 0;
const [a] = arr;
console.log(a, log.join(" "));
log.length = 0;
console.log([...arr].join());

const saved = Array.prototype[Symbol.iterator];
Array.prototype[Symbol.iterator] = function () {
  let i = this.length;
  const self = this;
  return { next() { return i > 0 ? { value: self[--i], done: false } : { done: true }; } };
};
const back = [];
for (const x of [1, 2, 3]) back.push(x);
console.log(back.join(), [...[4, 5, 6]].join());
const [first] = ["p", "q"];
console.log(first);
Array.prototype[Symbol.iterator] = saved;
for (const x of [7, 8]) back.push(x);
console.log(back.join());

// Plain arrays: break, return and throw still work.
function find(list, want) {
  for (const x of list)
    if (x === want) return "found " + x;
  return "none";
}
console.log(find([1, 2, 3], 2), find([], 1));
let s = 0;
for (const x of [1, 2, 3, 4]) { if (x === 3) break; s += x; }
console.log(s);
for (const ch of "héllo") s += ch.length;
console.log(s);
