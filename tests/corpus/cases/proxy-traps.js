// Proxy: get/set/has/deleteProperty/ownKeys/getOwnPropertyDescriptor on
// objects, apply/construct on functions, forwarding without traps.
const log = [];
const target = { a: 1, b: 2 };
const p = new Proxy(target, {
	get(t, k, r) { log.push("get " + String(k)); return k in t ? t[k] * 10 : "none"; },
	set(t, k, v) { log.push("set " + k); t[k] = v + 1; return true; },
	deleteProperty(t, k) { log.push("delete " + k); delete t[k]; return true; },
});
console.log(p.a, p.zz, (p.c = 5, target.c), delete p.b, "b" in target, log.join());
const plain = new Proxy({ x: 1, y: [2] }, {});
plain.z = 3;
console.log(plain.x, plain.y[0], plain.z, "x" in plain, "q" in plain, Object.keys(plain).join(), JSON.stringify(plain));
const keys = new Proxy({}, {
	ownKeys() { return ["k1", "k2"]; },
	getOwnPropertyDescriptor(t, k) { return { value: k + "!", enumerable: true, configurable: true }; },
	get(t, k) { return typeof k === "string" ? k.toUpperCase() : undefined; },
});
const seen = [];
for (const k in keys) seen.push(k);
console.log(Object.keys(keys).join(), seen.join(), JSON.stringify(Object.getOwnPropertyDescriptor(keys, "k1")), keys.k2);
const hidden = new Proxy({ secret: 1, open: 2 }, { has(t, k) { return k !== "secret"; } });
console.log("secret" in hidden, "open" in hidden, hidden.open);
function add(a, b) { return a + b; }
const fp = new Proxy(add, { apply(t, self, args) { return t(...args) * 100; } });
class Point { constructor(x) { this.x = x; } }
const cp = new Proxy(Point, { construct(t, args) { return new t(args[0] + 1); } });
console.log(fp(1, 2), new cp(4).x, new cp(4) instanceof Point, new Proxy(add, {})(2, 3));
for (const bad of [() => new Proxy(1, {}), () => Proxy({}, {})]) {
	try { bad(); } catch (e) { console.log(e instanceof TypeError); }
}
const dt = {};
const dp = new Proxy(dt, {});
Object.defineProperty(dp, "x", { value: 5, enumerable: true });
Object.defineProperty(dp, "g", { get() { return 9; }, configurable: true });
console.log(dt.x, dp.x, JSON.stringify(Object.getOwnPropertyDescriptor(dt, "x")), dt.g, dp.g);
