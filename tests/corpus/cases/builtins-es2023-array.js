// ES2023 array copies, Object.hasOwn/getOwnPropertyDescriptors and
// String well-formedness.
const a = [3, 1, 2];
console.log(a.toSorted().join(), a.toSorted((x, y) => y - x).join(), a.toReversed().join(), a.join());
console.log(a.with(0, 9).join(), a.with(-1, 7).join(), a.toSpliced(1, 1, "x", "y").join(), a.toSpliced(1).join(), a.toSpliced().join());
try { a.with(3, 0); } catch (e) { console.log(e instanceof RangeError); }
console.log([, 1].toSorted().length, 1 in [, 1].toReversed(), Array.prototype.toSorted.call({ length: 2, 0: "b", 1: "a" }).join());
console.log(Object.hasOwn({ q: 1 }, "q"), Object.hasOwn({}, "toString"), Object.hasOwn([1], 0));
const d = Object.getOwnPropertyDescriptors({ a: 1, get b() { return 2; } });
console.log(Object.keys(d).join(), d.a.value, d.a.writable, typeof d.b.get, d.b.enumerable);
console.log("ab\uD800c".isWellFormed(), "ab\uD83D\uDE00".isWellFormed(), JSON.stringify("a\uDC00b".toWellFormed()), "ok".toWellFormed());
const o = { x: 1 };
const p = { hello() { return "hi " + this.x; } };
console.log(Object.setPrototypeOf(o, p) === o, o.hello(), Object.getPrototypeOf(o) === p);
try { Object.setPrototypeOf(p, o); } catch (e) { console.log(e instanceof TypeError); }
console.log(Object.setPrototypeOf(1, null), Object.getPrototypeOf(Object.setPrototypeOf({}, null)));
