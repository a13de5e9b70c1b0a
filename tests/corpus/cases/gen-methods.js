const key = "dyn";
const o = {
  *items() { yield* [1, 2]; },
  *[key + "Gen"]() { yield this.base; },
  base: 5,
};
class Tree {
  constructor(v, kids = []) { this.v = v; this.kids = kids; }
  *[Symbol.iterator]() {
    yield this.v;
    for (const k of this.kids) yield* k;
  }
  static *range(a, b) { while (a < b) yield a++; }
}
console.log([...o.items()].join(","), o.dynGen().next().value);
const t = new Tree(1, [new Tree(2, [new Tree(3)]), new Tree(4)]);
console.log([...t].join(","), Array.from(Tree.range(3, 6)).join(","));
const [first, , third = "d"] = Tree.range(0, 2);
console.log(first, third);
