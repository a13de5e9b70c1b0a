// Reflect: all thirteen methods.
class P { constructor(a, b) { this.s = a + b; } }
class Q extends P {}
const o = { a: 1, get g() { return this.a; }, set g(v) { this.a = v; } };
console.log(Object.keys(Reflect).length, typeof Reflect, Reflect.apply(Math.max, null, [1, 5, 3]), Reflect.apply(function () { return this.v; }, { v: 7 }, []));
console.log(Reflect.construct(P, [1, 2]).s, Reflect.construct(Date, [0]).getTime(), Reflect.construct(P, [3, 4], Q) instanceof Q);
console.log(Reflect.defineProperty(o, "c", { value: 3 }), o.c, Reflect.defineProperty(Object.freeze({}), "x", { value: 1 }));
console.log(Reflect.deleteProperty(o, "a"), "a" in o, Reflect.deleteProperty(Object.freeze({ z: 1 }), "z"));
o.a = 1;
console.log(Reflect.get(o, "a"), Reflect.get(o, "g", { a: 42 }), Reflect.get([5, 6], 1));
console.log(JSON.stringify(Reflect.getOwnPropertyDescriptor(o, "a")), Reflect.getPrototypeOf([]) === Array.prototype);
console.log(Reflect.has(o, "g"), Reflect.has(o, "toString"), Reflect.has(o, "nope"));
const f = Object.preventExtensions({ k: 1 });
console.log(Reflect.isExtensible(o), Reflect.isExtensible(f), Reflect.preventExtensions({}));
const s = Symbol("s");
const ks = Reflect.ownKeys({ b: 1, a: 2, 1: 0, [s]: 3 });
console.log(ks.slice(0, 3).join(), ks[3] === s, ks.length);
const r = {};
console.log(Reflect.set(o, "a", 5), o.a, Reflect.set(o, "g", 8, r), r.a, o.a, Reflect.set(Object.freeze({ q: 1 }), "q", 2), Reflect.set(f, "new", 1));
const proto = { m() { return "m"; } };
const t = {};
console.log(Reflect.setPrototypeOf(t, proto), t.m(), Reflect.setPrototypeOf(Object.preventExtensions({}), proto), Reflect.setPrototypeOf(proto, t));
for (const m of ["get", "has", "ownKeys"]) {
	try { Reflect[m](1, "x"); } catch (e) { console.log(m, e instanceof TypeError); }
}
