class Range {
  constructor(n) { this.n = n; }
  [Symbol.iterator]() {
    let i = 0;
    const n = this.n;
    return { next() { return i < n ? { value: i++, done: false } : { value: undefined, done: true }; } };
  }
}
console.log([...new Range(4)].join(','));
let sum = 0;
for (const v of new Range(5)) sum += v;
console.log(sum);
