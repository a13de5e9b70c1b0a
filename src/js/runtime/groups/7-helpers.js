/* Group 7: helpers shared by the other groups, returned as an object;
 * a group that needs them starts with rt.load(7).
 *
 * Like every group, this file is the body of a function (rt, G, Object)
 * that rt.load() in 10-symbol.js compiles the first time the group is
 * needed; its text is served from C (runtime_groups[]), so a VU that
 * never uses the group never lexes it. */
var h = {
	int: function (v) {
		v = +v;
		return v !== v ? 0 : v < 0 ? Math.ceil(v) : Math.floor(v);
	},
	len: function (v) {
		v = h.int(v);
		return v <= 0 ? 0 : v > 9007199254740991 ? 9007199254740991 : v;
	},
	obj: function (v) {
		if (v == null)
			throw new TypeError("Cannot convert undefined or null to object");
		return Object(v);
	},
	fn: function (f) {
		if (typeof f !== "function")
			throw new TypeError(String(f) + " is not a function");
		return f;
	},
	isObj: function (v) {
		return v !== null && (typeof v === "object" || typeof v === "function");
	},
	each: function (x, f) {
		var m = x == null || typeof x === "symbol" ? undefined : x[rt.ITER],
		    it, r;
		if (typeof m !== "function")
			throw new TypeError(String(x) + " is not iterable");
		it = m.call(x);
		for (;;) {
			r = it.next();
			if (!h.isObj(r))
				throw new TypeError("Iterator result " + String(r) + " is not an object");
			if (r.done)
				return;
			try {
				f(r.value);
			} catch (e) {
				if (typeof it["return"] === "function")
					try { it["return"](); } catch (e2) {}
				throw e;
			}
		}
	},
	iter: function (proto, t, k) {
		var it = Object.create(proto);
		it._t = t;
		it._i = 0;
		it._k = k;
		return it;
	},
	step: function (v, d) {
		return { value: v, done: d };
	},
	inst: function (d, o, names, first) {
		var i, f;
		for (i = 0; i < names.length; i++) {
			f = function m(a, b, c) {
				return d(m.prototype, this, a, b, c);
			};
			f.prototype = first + i;
			rt.def(f, "name", names[i]);
			rt.def(o, names[i], f);
		}
		return o;
	},
	/* o's Symbol.toStringTag: "[object t]" (js/builtins.c) */
	tag: function (o, t) {
		Object.defineProperty(o, "@@sym:Symbol.toStringTag", { value: t, configurable: true });
	},
	IterProto: {}
};
rt.def(h.IterProto, rt.ITER, function () {
	return this;
});
return h;
