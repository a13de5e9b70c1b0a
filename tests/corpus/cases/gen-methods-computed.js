// Generator methods: computed, static, in object literals, Symbol.iterator.
const key = 'items';
class Bag {
  constructor(...v) { this.v = v; }
  *[Symbol.iterator]() { yield* this.v; }
  *[key]() { for (const x of this.v) yield x + '!'; }
  static *range(n) { for (let i = 0; i < n; i++) yield i; }
}
const o = { *g() { yield 'o1'; yield 'o2'; } };
console.log(JSON.stringify([[...new Bag(1, 2)], [...new Bag('a').items()], [...Bag.range(3)], [...o.g()]]));
class Sub extends Bag { *[Symbol.iterator]() { yield 'sub'; yield* super[Symbol.iterator](); } }
console.log(JSON.stringify([...new Sub(7)]));
console.log(typeof o.g().next, typeof o.g()[Symbol.iterator]);
