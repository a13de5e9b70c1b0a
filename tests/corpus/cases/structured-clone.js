// structuredClone: deep copies with cycles, Map/Set/Date/RegExp/binary data.
const src = { n: 1, s: "x", d: new Date(5), re: /a+b/gi, arr: [1, { y: 2 }], m: new Map([[1, { z: 3 }]]), st: new Set(["q"]), u: new Uint8Array([1, 2, 3]), e: new RangeError("bad") };
src.self = src;
src.shared = src.arr[1];
const c = structuredClone(src);
console.log(c !== src, c.self === c, c.shared === c.arr[1], c.arr[1] !== src.arr[1], c.d.getTime(), c.d !== src.d);
console.log(c.re.source, c.re.global, c.re.ignoreCase, c.m.get(1).z, c.m.get(1) !== src.m.get(1), c.st.has("q"));
console.log(Array.from(c.u).join(), c.u.buffer !== src.u.buffer, c.e instanceof RangeError, c.e.message);
const buf = new ArrayBuffer(4);
const two = structuredClone([new Uint8Array(buf), new Uint16Array(buf)]);
two[0][0] = 255;
console.log(two[0].buffer === two[1].buffer, two[1][0], new Uint8Array(buf)[0]);
class K { constructor() { this.v = 1; } m() {} }
const k = structuredClone(new K());
console.log(k instanceof K, JSON.stringify(k), structuredClone(null), structuredClone("s"), structuredClone(undefined));
for (const bad of [() => 1, { f() {} }, Symbol("x")]) {
	try { structuredClone(bad); console.log("cloned?"); } catch (e) { console.log(e.name, e.code); }
}
