const show = (t) => t.constructor.name + " " + Array.from(t).join();
const f = new Float64Array([3, NaN, -0, 0, -1, 2.5, Infinity, -Infinity, 0]);
console.log(show(f.toSorted()), Object.is(f.toSorted()[2], -0), show(f));
console.log(show(new Int8Array([5, -3, 100, -128, 0]).sort()), show(new Uint8Array([5, 3, 200, 1]).sort((a, b) => b - a)));
const u = new Uint16Array([10, 1, 2, 30]);
const s = u.toSorted((a, b) => (a % 10) - (b % 10));
console.log(show(s), show(u), s !== u, s.buffer !== u.buffer);
console.log(show(u.toReversed()), show(u), show(u.with(-1, 7)), show(u.with(0, 70000)), show(new Float32Array([1.5, 2]).with(1, 0.1)));
for (const bad of [() => u.with(4, 1), () => u.with(-5, 1), () => u.sort(1), () => u.toSorted("x"), () => u.filter(null)])
	try { bad(); console.log("no error"); } catch (e) { console.log(e.constructor.name); }
console.log(show(new Int32Array([1, -2, 3, -4, 5]).filter((x, i, a) => x > 0 && a.length === 5 && i >= 0)), show(new Uint8Array(3).filter(() => false)));
console.log(show(new Uint8Array([1, 2, 3, 4, 5]).copyWithin(0, 3)), show(new Uint8Array([1, 2, 3, 4, 5]).copyWithin(1, 0, 3)), show(new Uint8Array([1, 2, 3, 4, 5]).copyWithin(-2, -4, -3)));
const stable = new Uint8Array([21, 11, 22, 12, 23, 13]).sort((a, b) => (a / 10 | 0) - (b / 10 | 0));
console.log(show(stable));
try { new Uint8Array([1, 2, 3]).sort(() => { throw new Error("cmp"); }); } catch (e) { console.log(e.message); }
const sub = new Uint8Array([9, 8, 7, 6]).subarray(1, 3); sub.sort(); console.log(show(sub), show(new Uint8Array(sub.buffer)));
console.log([u.sort.length, u.toSorted.length, u.toReversed.length, u.with.length, u.filter.length, u.copyWithin.length].join(), u.toSorted.name, u.with.name);
