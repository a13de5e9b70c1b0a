// console.* renders values as k6 1.6 and later do.
export default function () {
	const o = { a: 1, s: "x", n: null, u: undefined, f() {}, arr: [1, "b", [], {}],
		d: new Date(0), e: new Error("bad"), t: new Uint8Array([1, 255]),
		ab: new Uint8Array([1, 2]).buffer, nested: { deep: true } };
	o.self = o;
	console.log(o);
	console.log("str", 1, true, null, undefined, [1, 2], {}, [], new Float64Array(0),
		new Int16Array([-1, 2]), function () {}, new Error("top"), Symbol("q"));
	console.warn(new Uint8ClampedArray([3]), new ArrayBuffer(0), new Map([[1, 2]]),
		new Date(86400000), [{ k: [o.nested] }]);
	/* symbols inside, keyed by one, registered, a Symbol object */
	console.log([Symbol("q"), 1], { a: Symbol.for("app"), [Symbol("k")]: 2 },
		Object(Symbol("q")), Symbol.iterator, Symbol(), String(Symbol.for("x")));
}
