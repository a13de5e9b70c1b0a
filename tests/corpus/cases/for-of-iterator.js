const it = {
  from: 1, to: 4,
  [Symbol.iterator]() {
    let cur = this.from, to = this.to;
    return { next: () => cur <= to ? { value: cur++, done: false } : { value: undefined, done: true } };
  },
};
for (const v of it) console.log(v);
console.log([...it].join(','));
const [p, q] = it;
console.log(p, q);
