/* Group 8: Reflect, loaded when the global Reflect is first read.  Its
 * methods are the Object operations that report failure as false, on
 * mujs's own: Object.setPrototypeOf is src/js/runtime.c's.
 *
 * Like every group, this file is the body of a function (rt, G, Object)
 * that rt.load() in 10-symbol.js compiles the first time the group is
 * needed; its text is served from C (runtime_groups[]), so a VU that
 * never uses the group never lexes it. */
/* Group 2: Object.getOwnPropertySymbols, and names without internals. */
rt.load(2);
var h = rt.load(7), R = {}, gopd = Object.getOwnPropertyDescriptor,
getProto = Object.getPrototypeOf, apply = Function.prototype.apply,
bind = Function.prototype.bind;
function obj(o, m) {
	if (!h.isObj(o))
		throw new TypeError("Reflect." + m + " called on non-object");
	return o;
}
function list(a) {
	var r = [], i, n;
	if (!h.isObj(a))
		throw new TypeError("CreateListFromArrayLike called on non-object");
	for (i = 0, n = h.len(a.length); i < n; i++)
		r.push(a[i]);
	return r;
}
/* The descriptor of k on o or the nearest prototype that has it. */
function find(o, k) {
	var d;
	for (; o !== null; o = getProto(o))
		if ((d = gopd(o, k)) !== undefined)
			return d;
	return undefined;
}
function ctor(f) {
	return typeof f === "function" && f.prototype !== undefined;
}
var m = {
	apply: function apply_(f, t, args) {
		return apply.call(h.fn(f), t, list(args));
	},
	construct: function construct(C, args, nt) {
		var a = list(args), o, r;
		if (nt === undefined)
			nt = C;
		if (!ctor(C) || !ctor(nt))
			throw new TypeError((ctor(C) ? nt : C) + " is not a constructor");
		if (nt === C)
			return new (apply.call(bind, C, [null].concat(a)))();
		o = Object.create(h.isObj(nt.prototype) ? nt.prototype : Object.prototype);
		r = apply.call(C, o, a);
		return h.isObj(r) ? r : o;
	},
	defineProperty: function defineProperty(o, k, d) {
		obj(o, "defineProperty");
		if (!Object.isExtensible(o) && gopd(o, k) === undefined)
			return false;
		try {
			Object.defineProperty(o, k, d);
			return true;
		} catch (e) {
			if (!h.isObj(d))
				throw e;
			return false;
		}
	},
	deleteProperty: function deleteProperty(o, k) {
		return delete obj(o, "deleteProperty")[k];
	},
	get: function get(o, k, r) {
		var d;
		obj(o, "get");
		if (arguments.length < 3 || r === o)
			return o[k];
		d = find(o, k);
		if (d === undefined)
			return undefined;
		return "value" in d ? d.value : d.get === undefined ? undefined : d.get.call(r);
	},
	getOwnPropertyDescriptor: function getOwnPropertyDescriptor(o, k) {
		return gopd(obj(o, "getOwnPropertyDescriptor"), k);
	},
	getPrototypeOf: function getPrototypeOf(o) {
		return getProto(obj(o, "getPrototypeOf"));
	},
	/* Without reading the property where a descriptor answers: mujs's
	 * `in` runs a getter (chai's proxies call Reflect.has before every
	 * read); `in` for what has none (length, string indexes). */
	has: function has(o, k) {
		return find(obj(o, "has"), k) !== undefined || k in o;
	},

	isExtensible: function isExtensible(o) {
		return Object.isExtensible(obj(o, "isExtensible"));
	},
	ownKeys: function ownKeys(o) {
		obj(o, "ownKeys");
		return Object.getOwnPropertyNames(o).concat(Object.getOwnPropertySymbols(o));
	},
	preventExtensions: function preventExtensions(o) {
		Object.preventExtensions(obj(o, "preventExtensions"));
		return true;
	},
	set: function set(o, k, v, r) {
		var d;
		obj(o, "set");
		if (arguments.length < 4)
			r = o;
		d = find(o, k);
		if (d !== undefined && !("value" in d)) {
			if (d.set === undefined)
				return false;
			d.set.call(r, v);
			return true;
		}
		if (d !== undefined && !d.writable || !h.isObj(r))
			return false;
		d = gopd(r, k);
		if (d !== undefined) {
			if (!("value" in d) || !d.writable)
				return false;
			Object.defineProperty(r, k, { value: v });
			return true;
		}
		if (!Object.isExtensible(r))
			return false;
		Object.defineProperty(r, k, { value: v, writable: true,
		    enumerable: true, configurable: true });
		return true;
	},
	setPrototypeOf: function setPrototypeOf(o, p) {
		obj(o, "setPrototypeOf");
		if (p !== null && !h.isObj(p))
			throw new TypeError("Object prototype may only be an Object or null: " + p);
		try {
			Object.setPrototypeOf(o, p);
			return true;
		} catch (e) {
			return false;
		}
	}
}, k;
for (k in m)
	rt.def(R, k, m[k]);
rt.def(R, "apply", m.apply);
Object.defineProperty(R.apply, "name", { value: "apply" });
h.tag(R, "Reflect");
rt.def(G, "Reflect", R);
