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
//@ none
__ly.none = {};
//@ $iter
__ly.$iter = function (v) {
	/* a symbol has String.prototype's iterator, not its own */
	var f = v == null || typeof v === "symbol" ||
	    typeof Symbol === "undefined" ? undefined : v[Symbol.iterator];

	/* k6's engine's words */
	if (v == null)
		throw new TypeError("Cannot convert undefined or null to object");
	if (typeof f !== "function")
		throw new TypeError("object is not iterable");
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
		throw new TypeError("Iterator result " + String(r) + " is not an object");
};
//@ it $iter $av
/* for...of: arrays are indexed, strings as their characters (a
 * surrogate pair as one, js/utf16.c), the rest iterated. */
__ly.it = function (v) {
	if (v instanceof Array && v["@@sym:Symbol.iterator"] === __ly.$av)
		return v;
	if (typeof v === "string")
		return __ly_chars(v);
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
		return __ly_chars(v);
	it = __ly.$iter(v);
	a = [];
	while ((n === void 0 || a.length < n) && !(s = it.next()).done)
		a.push(s.value);
	if (n !== void 0 && a.length === n)
		__ly.ic(it);
	return a;
};
//@ ad ai
/* An array pattern's values: ai, under a name of its own, so that
 * src/js/errmsg.c counts its call as the pattern's (k6's iterate). */
__ly.ad = __ly.ai;
//@ cc
/* The array of a list with spreads: its parts, arrays, joined. */
__ly.cc = function () {
	return Array.prototype.concat.apply([], arguments);
};
//@ oc
/* Object destructuring source: null and undefined throw, in k6's
 * engine's words. */
__ly.oc = function (v) {
	if (v == null)
		throw new TypeError("Value is not object coercible");
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

	if (s == null || typeof s === "symbol")
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
//@ nk
/* A computed key that names the function defined with it (__ly.nf). */
__ly.nk = function (k) {
	return (__ly.$k = typeof k === "symbol" ? k : String(k));
};
//@ nf nk $d
/* Name f after the last computed key: a symbol's is "[description]". */
__ly.nf = function (f, prefix) {
	var k = __ly.$k, m;

	if (k.lastIndexOf("@@sym:", 0) === 0) {
		k = k.slice(6);
		if ((m = /:[0-9]*$/.exec(k)) !== null)
			k = k.slice(0, m.index);
		k = "[" + k + "]";
	}
	__ly.$d(f, "name", { value: prefix + k, configurable: true });
	return f;
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
		throw new TypeError("Class extends value is not a constructor " +
		    "or null");
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
//@ sup
/* super(...args).  Native Error constructors make a new object (and
 * calling them as functions upsets mujs's stack): construct one and give
 * this its stack, message, frames and cause, as the constructor would. */
__ly.sup = function (self, P, args) {
	var r;

	if (P === Error || P === TypeError || P === RangeError ||
	    P === SyntaxError || P === ReferenceError || P === EvalError ||
	    P === URIError)
		r = new P(args[0], args[1]);
	else
		r = P.apply(self, args);
	if (r !== self && r instanceof Error)
		Error["@@ly:es"](self, r);
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
//@ sm sg ap
/* super.m(args): the method super.m reads, called with self. */
__ly.sm = function (o, k, self, args) {
	return __ly.ap(__ly.sg(o, k, self), self, args);
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
			throw new TypeError("Cannot set property " + String(k) +
			    " of " + self + " which has only a getter");
		return v;
	}
	if (d !== undefined && !d.writable) {
		if (strict)
			throw new TypeError("Cannot assign to read only property '" +
			    String(k) + "' of object");
		return v;
	}
	own = Object.getOwnPropertyDescriptor(self, k);
	if (own === undefined)
		__ly.$d(self, k, { value: v, writable: true, enumerable: true,
		    configurable: true });
	else if (own.writable)
		self[k] = v;
	else if (strict)
		throw new TypeError("Cannot assign to read only property '" +
		    String(k) + "' of object");
	return v;
};
//@ sv sg
/* A read of super.x (an operator assignment's, ++'s) where k6 notes no
 * position: sg, under a name src/js/errmsg.c does not count. */
__ly.sv = __ly.sg;
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
/* A let, const or class binding used before its declaration ran: k6's
 * engine does not name it. */
__ly.tdz = function () {
	throw new ReferenceError("Cannot access a variable before initialization");
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
/* Module exports as live getters, in the order of their names, as a
 * module namespace lists them. */
__ly.ex = function (e, getters) {
	var k, keys = [], i;

	for (k in getters)
		if (__ly.$h.call(getters, k))
			keys.push(k);
	keys.sort();
	for (i = 0; i < keys.length; i++)
		__ly.$d(e, keys[i], { get: getters[keys[i]], enumerable: true,
		    configurable: true });
};
//@ star $h $d
/* export * from: the names it adds go among the module's own in order. */
__ly.star = function (e, ns) {
	var k, all = {}, keys = [], i, added = 0;

	for (k in ns)
		if (k !== "default" && !__ly.$h.call(e, k)) {
			all[k] = __ly.$star(ns, k);
			added = 1;
		}
	if (!added)
		return;
	for (k in e)
		if (__ly.$h.call(e, k)) {
			all[k] = Object.getOwnPropertyDescriptor(e, k).get;
			delete e[k];
		}
	for (k in all)
		keys.push(k);
	keys.sort();
	for (i = 0; i < keys.length; i++)
		__ly.$d(e, keys[i], { get: all[keys[i]], enumerable: true,
		    configurable: true });
};
__ly.$star = function (ns, k) {
	return function () { return ns[k]; };
};
//@ di
/* import(): the namespace of module id of the bundle, as a promise
 * settled a tick later (the module is evaluated then, its error the
 * rejection, and awaited if it awaits at its top level); without an id, the resolver's message, or the specifier
 * computed at run time, which only a literal the bundle resolved can
 * name. */
__ly.di = function (imp, id, why, spec) {
	return Promise.resolve().then(function () {
		if (id === null)
			throw new Error(why !== null ? why : "cannot import " +
			    String(spec) + ": import() takes a string literal " +
			    "naming a module the bundle can resolve");
		var ns = imp(id), p = imp.evaluating(id);

		/* a module that awaits at its top level: once it is done */
		return p === null ? ns : p.then(function () { return ns; });
	});
};
//@ gen $d $iter
/* Generators (see src/compile/lower-gen.c).  The body is f(c), run by
 * $gi with a context c: c.n the state to resume at, c.p the state
 * running, c.sent the value sent in (the body's second argument).  t is the table of the body's try
 * statements, [try, catch, finally, after] states (0: none), innermost
 * last; c.r[i] is the completion waiting for entry i's finally: [0]
 * normal, [1, e] throw, [2, state] break or continue, [3, v] return.
 * c.m and c.a: how the generator is resumed (0 next, 1 throw,
 * 2 return) and with what; c.st: 0 not started, 1 suspended, 2 running,
 * 3 done; c.dg: the iterator a yield* delegates to. */
__ly.gen = function (f, t) {
	var g = Object.create(__ly.$G);

	__ly.$d(g, "@@ly:g", { value: new __ly.$X(f, t) });
	return g;
};
__ly.$C = {};	/* the body is to run again */
/* A context holds only what its body sets: the others read their
 * starting values from the prototype (each property made costs mujs a
 * node of the object's tree), and a body without a try shares the
 * prototype's empty table and has no c.r. */
__ly.$X = function (f, t) {
	this.f = f;
	if (t) {
		this.t = t;
		this.r = [];
	}
};
__ly.$X.prototype = {
	t: [], n: 0, p: 0, st: 0, m: 0, sent: void 0, a: void 0, rv: void 0,
	done: false, re: null, dg: null,
	stop: function () {
		this.done = true;
		if (this.re !== null)
			throw this.re[0];
		return this.rv;
	},
	/* Jump to a state (to >= 0) or return v (to -1), through the
	 * finally blocks left on the way. */
	ab: function (to, v) {
		var t = this.t, i, x;

		for (i = t.length - 1; i >= 0; i--) {
			x = t[i];
			if (x[0] <= this.p && x[2] && this.p < x[2]) {
				if (to >= 0 && x[0] <= to && to <= x[2])
					break;
				this.r[i] = to < 0 ? [3, v] : [2, to];
				this.n = x[2];
				return __ly.$C;
			}
		}
		return this.cm(to < 0 ? [3, v] : [2, to]);
	},
	cm: function (r, after) {
		if (r[0] === 1)
			throw r[1];
		if (r[0] === 2)
			this.n = r[1];
		else if (r[0] === 3) {
			this.rv = this.a = r[1];
			this.m = 2;
			this.n = -1;
		} else if (after)
			this.n = after;
		return __ly.$C;
	},
	/* The end of the finally block at state f: a jump it held goes on
	 * through the finally blocks around it. */
	fin: function (f) {
		var t = this.t, i, r;

		for (i = t.length - 1; i >= 0; i--)
			if (t[i][2] === f) {
				r = this.r[i] || [0];
				this.r[i] = null;
				if (r[0] === 2)
					return this.ab(r[1]);
				return this.cm(r, t[i][3]);
			}
	},
	/* The exception caught by the catch of the try at state l. */
	cat: function (l) {
		var t = this.t, i, r;

		for (i = t.length - 1; i >= 0; i--)
			if (t[i][0] === l) {
				r = this.r[i];
				this.r[i] = null;
				return r[1];
			}
	},
	/* How a for...of in the finally at state f closes its iterator:
	 * 1 when an exception leaves it, else 2 (see __ly.ic). */
	ct: function (f) {
		var t = this.t, i;

		for (i = t.length - 1; i >= 0; i--)
			if (t[i][2] === f)
				return this.r[i] && this.r[i][0] === 1 ? 1 : 2;
		return 2;
	},
	/* An exception at state p: to its catch or finally, or out. */
	exc: function (e) {
		var t = this.t, i, x, p = this.p;

		if (this.done)
			throw e;
		for (i = t.length - 1; i >= 0; i--) {
			x = t[i];
			if (x[0] > p)
				continue;
			if (x[1] && p < x[1]) {
				this.r[i] = [1, e];
				this.n = x[1];
				this.m = 0;
				this.a = void 0;
				return;
			}
			if (x[2] && p < x[2]) {
				this.r[i] = [1, e];
				this.n = x[2];
				return;
			}
		}
		this.re = [e];
		this.n = -1;
	},
	/* yield*: the state to go on at is set already. */
	dy: function (v) {
		this.dg = __ly.$iter(v);
		if (this.m === 0)
			this.a = void 0;
		return __ly.$C;
	}
};
/* Resume the generator g with next (m 0), throw (1) or return (2). */
__ly.$gi = function (g, m, a) {
	var c = g != null ? g["@@ly:g"] : void 0, v;

	if (!(c instanceof __ly.$X))
		throw new TypeError(["next", "throw", "return"][m] +
		    " method called on incompatible receiver " + g);
	if (c.st === 2)
		throw new TypeError("Generator is already running");
	if (c.st === 3) {
		if (m === 1)
			throw a;
		return { value: m === 2 ? a : void 0, done: true };
	}
	return __ly.$gx(c, m, a);
};
/* Run the body of context c, resumed with m and a, to its next yield. */
__ly.$gx = function (c, m, a) {
	var v;

	c.m = m;
	c.a = a;
	for (;;) {
		if (c.dg !== null) {
			v = __ly.$dg(c);
			if (v !== __ly.$C)
				return v;
		}
		if (c.m === 0)
			c.sent = c.a;
		else if (c.m === 1) {
			if (c.st === 0) {
				c.st = 3;
				throw c.a;
			}
			c.exc(c.a);
		} else
			c.ab(-1, c.a);
		c.st = 2;
		try {
			v = c.f(c, c.sent);
		} catch (e) {
			c.st = 3;
			c.m = 1;
			c.a = e;
			continue;
		}
		c.st = c.done ? 3 : 1;
		if (v !== __ly.$C)
			return { value: v, done: c.done };
	}
};
/* One step of a yield*: the inner result to give out while it is not
 * done, else $C with c.m and c.a set to go on. */
__ly.$dg = function (c) {
	var d = c.dg, f = d[["next", "throw", "return"][c.m]], r;

	if (f == null) {
		c.dg = null;
		if (c.m === 1) {
			f = d["return"];
			if (f != null)
				try {
					f.call(d);
				} catch (e) {
					c.a = e;
					return __ly.$C;
				}
			c.a = new TypeError("The iterator does not provide a 'throw' method");
		}
		return __ly.$C;
	}
	try {
		r = f.call(d, c.a);
		if (r === null || (typeof r !== "object" && typeof r !== "function"))
			throw new TypeError("Iterator result " + String(r) + " is not an object");
	} catch (e) {
		c.dg = null;
		c.m = 1;
		c.a = e;
		return __ly.$C;
	}
	if (!r.done)
		return r;
	c.dg = null;
	if (c.m !== 2)
		c.m = 0;
	c.a = r.value;
	return __ly.$C;
};
__ly.$G = {};
/* Named (js/fnname.c reads "next") for the frame k6 shows of a call of
 * g.next() in the user's code, "next (native)" (engine/stack.c); the
 * parameter of the same name spares mujs binding the name at each call. */
__ly.$d(__ly.$G, "next", { value: function __ly$n$next$$0(__ly$n$next$$0) {
	return __ly.$gi(this, 0, __ly$n$next$$0); },
    writable: true, configurable: true });
__ly.$d(__ly.$G, "throw", { value: function __ly$n$throw$$0(__ly$n$throw$$0) {
	return __ly.$gi(this, 1, __ly$n$throw$$0); },
    writable: true, configurable: true });
__ly.$d(__ly.$G, "return", { value: function __ly$n$return$$0(__ly$n$return$$0) {
	return __ly.$gi(this, 2, __ly$n$return$$0); },
    writable: true, configurable: true });
__ly.$d(__ly.$G, "@@sym:Symbol.iterator", { value: function () { return this; },
    writable: true, configurable: true });
__ly.$d(__ly.$G, "@@sym:Symbol.toStringTag", { value: "Generator",
    configurable: true });
//@ flat gen
/* A plain function whose statements nest too deep for mujs, lowered as
 * a generator body without a yield: it runs to its end at once. */
__ly.flat = function (f, t) {
	return __ly.gen(f, t).next().value;
};
//@ async gen
/* An async function: a generator whose yields are awaits.  The body
 * runs at once up to its first await; each await takes the promise's
 * own then (one tick for a native promise, as in node), through the
 * runtime's __ly_rt.aw, which queues the continuation without the
 * promise and closures a then() would make.  The body's context c,
 * which holds its promise, is made and driven by __ly_rt.as
 * (src/js/asyncfn.c). */
__ly.async = function (f, t) {
	if (!__ly_rt.as)
		__ly_rt.load(5);	/* the Promise group */
	__ly.async = __ly_rt.as;	/* from the next call on */
	return __ly_rt.as(f, t);
};
//@ agen gen $d ait
/* An async generator: a generator whose yields of __ly.aw(v) are
 * awaits and whose yields of __ly.ady(v) are yield* (the generator's
 * requests go to v's async iterator, s.d, until it is done); next,
 * throw and return queue their requests, served one at a time, each
 * with a promise. */
__ly.agen = function (f, t) {
	var o = Object.create(__ly.$AG);

	__ly.$d(o, "@@ly:ag", { value: { g: __ly.gen(f, t), q: [], busy: false,
	    d: null } });
	return o;
};
__ly.$W = function (v) {
	this.v = v;
};
__ly.aw = function (v) {
	return new __ly.$W(v);
};
__ly.$D = function (it) {
	this.it = it;
};
__ly.ady = function (v) {
	return new __ly.$D(__ly.ait(v));
};
__ly.$ag = function (o, m, a) {
	var s = o != null ? o["@@ly:ag"] : void 0;

	return new Promise(function (res, rej) {
		if (s === void 0)
			throw new TypeError("not an async generator: " + o);
		s.q.push([m, a, res, rej]);
		if (!s.busy) {
			s.busy = true;
			(s.d ? __ly.$agy : __ly.$ags)(s, m, a);
		}
	});
};
__ly.$ags = function (s, m, a) {
	var r;

	try {
		r = __ly.$gi(s.g, m, a);
	} catch (e) {
		__ly.$agd(s, 1, e, true);
		return;
	}
	if (r.value instanceof __ly.$D) {
		s.d = r.value.it;
		__ly.$agy(s, 0, void 0);
	} else if (r.done && s.g["@@ly:g"].m !== 2)
		__ly.$agd(s, 0, r.value, true);	/* fell off its end: no await */
	else if (r.value instanceof __ly.$W)
		Promise.resolve(r.value.v).then(function (x) {
			__ly.$ags(s, 0, x);
		}, function (e) {
			__ly.$ags(s, 1, e);
		});
	else
		Promise.resolve(r.value).then(function (x) {
			__ly.$agd(s, 0, x, r.done);
		}, function (e) {
			if (r.done)
				__ly.$agd(s, 1, e, true);
			else
				__ly.$ags(s, 1, e);
		});
};
/* Settle the oldest request, and start the next. */
__ly.$agd = function (s, err, v, done) {
	var h = s.q.shift();

	if (err)
		h[3](v);
	else
		h[2]({ value: v, done: done });
	if (s.q.length > 0)
		(s.d ? __ly.$agy : __ly.$ags)(s, s.q[0][0], s.q[0][1]);
	else
		s.busy = false;
};
/* One request (m, a) passed on to the iterator of a yield*; when it is
 * done, the generator goes on with its value (or returns it). */
__ly.$agy = function (s, m, a) {
	var it = s.d, f, r;

	try {
		f = it[["next", "throw", "return"][m]];
		if (f == null) {
			s.d = null;
			if (m === 2)
				return __ly.$ags(s, 2, a);
			f = it["return"];
			if (f != null)
				f.call(it);
			throw new TypeError("The iterator does not provide a 'throw' method");
		}
		r = f.call(it, a);
	} catch (e) {
		s.d = null;
		return __ly.$ags(s, 1, e);
	}
	Promise.resolve(r).then(function (x) {
		if (x === null || (typeof x !== "object" && typeof x !== "function")) {
			s.d = null;
			return __ly.$ags(s, 1, new TypeError("Iterator result " + x +
			    " is not an object"));
		}
		if (!x.done)
			return __ly.$agd(s, 0, x.value, false);
		s.d = null;
		__ly.$ags(s, m === 2 ? 2 : 0, x.value);
	}, function (e) {
		s.d = null;
		__ly.$ags(s, 1, e);
	});
};
__ly.$AG = {};
__ly.$d(__ly.$AG, "next", { value: function (v) { return __ly.$ag(this, 0, v); },
    writable: true, configurable: true });
__ly.$d(__ly.$AG, "throw", { value: function (v) { return __ly.$ag(this, 1, v); },
    writable: true, configurable: true });
__ly.$d(__ly.$AG, "return", { value: function (v) { return __ly.$ag(this, 2, v); },
    writable: true, configurable: true });
__ly.$d(__ly.$AG, "@@sym:Symbol.asyncIterator", { value: function () { return this; },
    writable: true, configurable: true });
__ly.$d(__ly.$AG, "@@sym:Symbol.toStringTag", { value: "AsyncGenerator",
    configurable: true });
//@ ait $iter
/* for await: the value's async iterator, or its iterator made async
 * (values awaited). */
__ly.ait = function (v) {
	var f = v == null ? void 0 : v["@@sym:Symbol.asyncIterator"], it;

	if (f != null)
		return f.call(v);
	it = __ly.$iter(v);
	return {
		next: function (x) {
			var r = it.next(x);

			return Promise.resolve(r.value).then(function (y) {
				return { value: y, done: r.done };
			});
		},
		"return": function (x) {
			var g = it["return"];

			if (g != null)
				g.call(it);
			return Promise.resolve({ value: x, done: true });
		}
	};
};
//@ th
/* What a throw statement throws: mujs keeps a stack only in Errors, so
 * for any other value (42, a string, an object) where it was thrown is
 * kept beside it, for the VU's error message (src/engine/vu.c). */
__ly.th = function (v) {
	if (!(v instanceof Error))
		__ly_thrown = { v: v, s: new Error()["@@ly:st"] };
	return v;
};
//@ jp
/* Large literals of plain data come as JSON (src/compile/literal.h); the
 * global JSON a script may shadow is not the one. */
__ly.jp = JSON.parse;
//@ meta $h
/* import.meta of the module id: one object per module, with url and
 * resolve(), which resolves a specifier as an import in that module
 * would (k6's loader.Resolve against the module's folder). */
__ly.meta = function (id) {
	var m, metas = __ly.metas || (__ly.metas = {});

	if (__ly.$h.call(metas, id))
		return metas[id];
	m = { url: id };
	m.resolve = function (spec) {
		var s = String(spec), dir = id.slice(0, id.lastIndexOf("/") + 1),
		    scheme, origin, path, out, segs, i;

		if (s === "")
			throw new Error("local or remote path required");
		if (s.charAt(0) === "." || s.charAt(0) === "/") {
			origin = dir.slice(0, dir.indexOf("/", dir.indexOf("://") + 3));
			path = s.charAt(0) === "/" ? s : dir.slice(origin.length) + s;
			segs = path.split("/");
			out = [];
			for (i = 1; i < segs.length; i++) {
				if (segs[i] === "..")
					out.pop();
				else if (segs[i] !== ".")
					out.push(segs[i]);
				if ((segs[i] === "." || segs[i] === "..") && i === segs.length - 1)
					out.push("");
			}
			return origin + "/" + out.join("/");
		}
		if (s.indexOf("://") >= 0) {
			scheme = s.slice(0, s.indexOf("://"));
			if (scheme !== "file" && scheme !== "https")
				throw new Error("only supported schemes for imports are file and https, " +
				    s + " has `" + scheme + "`");
			if (scheme === "file" && id.indexOf("https://") === 0)
				throw new Error("origin (" + dir + ") not allowed to load local file: " + s);
			return s;
		}
		if (s.indexOf("cdnjs.com") === 0)
			throw new Error("cdnjs.com 'special' urls are no longer supported - please use real ones. " +
			    "You can get yours by going to cdnjs and copy-pasting the full url to the actual JavaScript file");
		if (s.indexOf("github.com") === 0)
			throw new Error("github.com 'special' urls are no longer supported - please use real ones. " +
			    "You can get yours by going to github and copy-pasting the full url to the actual raw JavaScript file");
		throw new Error("The moduleSpecifier \"" + s + "\" couldn't be recognised as something k6 supports.");
	};
	return (metas[id] = m);
};
