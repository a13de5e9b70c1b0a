class Money {
  constructor(v) { this.v = v; }
  toString() { return `$${this.v.toFixed(2)}`; }
  valueOf() { return this.v; }
}
const m = new Money(3.5);
console.log(`${m}`, String(m), m + 1, m > 3);
