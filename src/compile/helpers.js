/* Helpers the ES5 output of src/compile/lower.c calls, as __ly.NAME.
 *
 * A bundle carries only the helpers its modules call: bundle.c copies the
 * text before the first marker, then each section that starts with a line
 * "//@ NAME DEPENDENCY..." whose NAME is used, into the bundle's first
 * unit.  So a VU pays only for what its script needs.  Each helper is one
 * call deep at most, so lowered code does not spend mujs's small stack. */
var __ly = {};
//@ $h
__ly.$h = {}.hasOwnProperty;
//@ $d
__ly.$d = __ly_defp;	/* Object.defineProperty; see src/js/runtime.c */
//@ $iter
__ly.$iter = function (v) {
	var f = v == null || typeof Symbol === "undefined" ? undefined :
	    v[Symbol.iterator];

	if (typeof f !== "function")
		throw new TypeError(v + " is not iterable");
	return f.call(v);
};
//@ $av
/* The built-in array iterator: arrays that still have it are indexed. */
__ly.$av = Array.prototype["@@sym:Symbol.iterator"];
//@ ic
/* Close an iterator a for...of or a destructuring leaves before it is
 * done.  op 2 (or none): the loop was left by a jump, and the return
 * method, if any, must give an object; op 1: by an exception, which
 * wins over anything the close does. */
__ly.ic = function (it, op) {
	var f, r;

	if (op === 1) {
		try {
			f = it["return"];
			if (f != null)
				f.call(it);
		} catch (e) {
		}
		return;
	}
	f = it["return"];
	if (f == null)
		return;
	r = f.call(it);
	if (r === null || (typeof r !== "object" && typeof r !== "function"))
		throw new TypeError("Iterator result " + r + " is not an object");
};
//@ it $iter $av
/* for...of: arrays and strings are indexed, the rest iterated. */
__ly.it = function (v) {
	if ((v instanceof Array && v["@@sym:Symbol.iterator"] === __ly.$av) ||
	    typeof v === "string")
		return v;
	return __ly.$iter(v);
};
//@ ai $iter $av ic
/* Any iterable as an array (arrays as themselves).  With n, at most n
 * values are taken (array destructuring) and an iterator that is not
 * done then is closed. */
__ly.ai = function (v, n) {
	var it, s, a;

	if ((v instanceof Array && v["@@sym:Symbol.iterator"] === __ly.$av))
		return v;
	if (typeof v === "string")
		return v.split("");
	it = __ly.$iter(v);
	a = [];
	while ((n === void 0 || a.length < n) && !(s = it.next()).done)
		a.push(s.value);
	if (n !== void 0 && a.length === n)
		__ly.ic(it);
	return a;
};
//@ oc
/* Object destructuring source: null and undefined throw. */
__ly.oc = function (v) {
	if (v == null)
		throw new TypeError("Cannot destructure '" + v + "' as it is " +
		    (v === null ? "null" : "undefined") + ".");
	return v;
};
//@ or $h
/* Object rest: own enumerable properties not in keys. */
__ly.or = function (o, keys) {
	var r = {}, k, i, skip = {}, has = __ly.$h;

	for (i = 0; i < keys.length; i++)
		skip[keys[i]] = true;
	for (k in o)
		if (has.call(o, k) && !has.call(skip, k))
			r[k] = o[k];
	return r;
};
//@ os $h $d
/* Object spread into t. */
__ly.os = function (t, s) {
	var k;

	if (s == null)
		return t;
	if (typeof s === "string") {
		for (k = 0; k < s.length; k++)
			t[k] = s[k];
		return t;
	}
	for (k in s)
		if (__ly.$h.call(s, k))
			__ly.$d(t, k, { value: s[k], writable: true,
			    enumerable: true, configurable: true });
	return t;
};
//@ dp $d
/* Data property definition (computed keys in literals). */
__ly.dp = function (o, k, v) {
	__ly.$d(o, k, { value: v, writable: true, enumerable: true,
	    configurable: true });
	return o;
};
//@ acc $h $d
/* Accessor definition, merged with an existing half; not enumerable on
 * classes. */
__ly.acc = function (o, k, get, set) {
	var d = Object.getOwnPropertyDescriptor(o, k);

	if (d && !__ly.$h.call(d, "get"))
		d = undefined;
	__ly.$d(o, k, { get: get || (d && d.get), set: set || (d && d.set),
	    enumerable: !(typeof o === "function" ||
	    (o.constructor && o.constructor.prototype === o)),
	    configurable: true });
	return o;
};
//@ m $d
/* Class methods are not enumerable. */
__ly.m = function (o, k, f) {
	__ly.$d(o, k, { value: f, writable: true, configurable: true });
};
//@ fd $d
/* Class fields; private ones (#x) are hidden from enumeration. */
__ly.fd = function (o, k, v) {
	__ly.$d(o, k, { value: v, writable: true, configurable: true,
	    enumerable: typeof k !== "string" || k.charAt(0) !== "#" });
};
//@ inh $h $d
/* class C extends P */
__ly.inh = function (C, P) {
	var names, i;

	if (P !== null && typeof P !== "function")
		throw new TypeError("Class extends value " + P +
		    " is not a constructor or null");
	C.prototype = Object.create(P === null ? null : P.prototype,
	    { constructor: { value: C, writable: true, configurable: true } });
	if (P === null)
		return;
	/* Static members are copied: mujs cannot chain constructors. */
	names = Object.getOwnPropertyNames(P);
	for (i = 0; i < names.length; i++)
		if (!__ly.$h.call(C, names[i]))
			try {
				__ly.$d(C, names[i],
				    Object.getOwnPropertyDescriptor(P, names[i]));
			} catch (e) {
			}
};
//@ sup $d
/* super(...args).  Native Error constructors make a new object (and
 * calling them as functions upsets mujs's stack): construct one and copy
 * what it set onto this. */
__ly.sup = function (self, P, args) {
	var r;

	if (P === Error || P === TypeError || P === RangeError ||
	    P === SyntaxError || P === ReferenceError || P === EvalError ||
	    P === URIError)
		r = new P(args[0]);
	else
		r = P.apply(self, args);
	if (r !== self && r instanceof Error) {
		if (args.length > 0 && args[0] !== undefined)
			__ly.$d(self, "message", { value: r.message,
			    writable: true, configurable: true });
		if (r.stackTrace !== undefined)
			__ly.$d(self, "stackTrace", { value: r.stackTrace,
			    writable: true, configurable: true });
	}
	return self;
};
//@ sg
/* super.x: found from o (the home object's prototype) up, a getter
 * called with self. */
__ly.sg = function (o, k, self) {
	var d;

	for (; o != null; o = Object.getPrototypeOf(o))
		if ((d = Object.getOwnPropertyDescriptor(o, k)) !== undefined)
			return d.get ? d.get.call(self) : d.value;
	return undefined;
};
//@ ss $d
/* super.x = v: a setter found from o up runs with self; else the value
 * lands on self, unless what was found is read-only (an error in strict
 * code). */
__ly.ss = function (o, k, v, self, strict) {
	var d, own;

	for (; o != null; o = Object.getPrototypeOf(o))
		if ((d = Object.getOwnPropertyDescriptor(o, k)) !== undefined)
			break;
	if (d !== undefined && (d.get !== undefined || d.set !== undefined)) {
		if (d.set !== undefined)
			d.set.call(self, v);
		else if (strict)
			throw new TypeError("Cannot set property " + k + " of " +
			    self + " which has only a getter");
		return v;
	}
	if (d !== undefined && !d.writable) {
		if (strict)
			throw new TypeError("Cannot assign to read only property '" +
			    k + "' of object");
		return v;
	}
	own = Object.getOwnPropertyDescriptor(self, k);
	if (own === undefined)
		__ly.$d(self, k, { value: v, writable: true, enumerable: true,
		    configurable: true });
	else if (own.writable)
		self[k] = v;
	else if (strict)
		throw new TypeError("Cannot assign to read only property '" + k +
		    "' of object");
	return v;
};
//@ ap
/* f(...args): mujs 1.3.2's apply fails past about 250 arguments (its
 * stack has 256 slots).  Past 200, the functions spread is commonly used
 * with are done by a loop; any other gets a RangeError that says why. */
__ly.ap = function (f, self, args) {
	var i, r, n = args.length;

	if (n <= 200)
		return f.apply(self, args);
	if (f === Math.max || f === Math.min) {
		r = f();
		for (i = 0; i < n; i++)
			r = f(r, args[i]);
		return r;
	}
	if (f === Array.prototype.push) {
		for (i = 0; i < n; i++)
			self[self.length] = args[i];
		return self.length;
	}
	if (f === String.fromCharCode) {
		r = "";
		for (i = 0; i < n; i += 200)
			r += f.apply(null, args.slice(i, i + 200));
		return r;
	}
	throw new RangeError("cannot spread " + n + " arguments into a " +
	    "call: this engine takes at most about 250");
};
//@ add
/* a + b + c + ... for long chains, left to right (see lower.c). */
__ly.add = function (a) {
	var r = a[0], i;

	for (i = 1; i < a.length; i++)
		r = r + a[i];
	return r;
};
//@ nw
/* new C(...args) */
__ly.nw = function (C, args) {
	var B = Function.prototype.bind.apply(C, [null].concat(args));

	return new B();
};
//@ ce
/* Assignment to a constant. */
__ly.ce = function () {
	throw new TypeError("Assignment to constant variable.");
};
//@ tdz
/* A let, const or class binding used before its declaration ran. */
__ly.tdz = function (name) {
	throw new ReferenceError("Cannot access '" + name +
	    "' before initialization");
};
//@ tpl $d
/* A tagged template's strings array. */
__ly.tpl = function (cooked, raw) {
	__ly.$d(cooked, "raw", { value: raw });
	return cooked;
};
//@ proto $h
/* __proto__ in an object literal */
__ly.proto = function (o, p) {
	var r = Object.create(p), k;

	for (k in o)
		if (__ly.$h.call(o, k))
			r[k] = o[k];
	return r;
};
//@ ex $h $d
/* Module exports as live getters. */
__ly.ex = function (e, getters) {
	var k;

	for (k in getters)
		if (__ly.$h.call(getters, k))
			__ly.$d(e, k, { get: getters[k], enumerable: true });
};
//@ star $h $d
/* export * from */
__ly.star = function (e, ns) {
	var k;

	for (k in ns)
		if (k !== "default" && !__ly.$h.call(e, k))
			__ly.$d(e, k, { get: __ly.$star(ns, k), enumerable: true });
};
__ly.$star = function (ns, k) {
	return function () { return ns[k]; };
};
//@ th
/* What a throw statement throws: mujs keeps a stack only in Errors, so
 * for any other value (42, a string, an object) where it was thrown is
 * kept beside it, for the VU's error message (src/engine/vu.c). */
__ly.th = function (v) {
	if (!(v instanceof Error))
		__ly_thrown = { v: v, s: new Error().stackTrace };
	return v;
};
//@ jp
/* Large literals of plain data come as JSON (src/compile/literal.h); the
 * global JSON a script may shadow is not the one. */
__ly.jp = JSON.parse;
