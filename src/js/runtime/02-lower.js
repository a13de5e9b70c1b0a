/* Helpers the ES5 output of src/compile/lower.c calls.  Each is one call
 * deep at most, so lowered code does not spend mujs's small stack. */
var __ly = (function () {
	var has = Object.prototype.hasOwnProperty;
	var dp = Object.defineProperty;

	function iterator(v) {
		var f = v == null || typeof Symbol === "undefined" ? undefined :
		    v[Symbol.iterator];

		if (typeof f !== "function")
			throw new TypeError(v + " is not iterable");
		return f.call(v);
	}

	return {
		/* for...of: arrays and strings are indexed, the rest iterated. */
		it: function (v) {
			if (v instanceof Array || typeof v === "string")
				return v;
			return iterator(v);
		},
		/* Any iterable as an array (arrays as themselves). */
		ai: function (v) {
			var it, s, a;

			if (v instanceof Array)
				return v;
			if (typeof v === "string")
				return v.split("");
			it = iterator(v);
			a = [];
			while (!(s = it.next()).done)
				a.push(s.value);
			return a;
		},
		/* Object destructuring source: null and undefined throw. */
		oc: function (v) {
			if (v == null)
				throw new TypeError("Cannot destructure '" + v +
				    "' as it is " + (v === null ? "null" : "undefined") + ".");
			return v;
		},
		/* Object rest: own enumerable properties not in keys. */
		or: function (o, keys) {
			var r = {}, k, i, skip = {};

			for (i = 0; i < keys.length; i++)
				skip[keys[i]] = true;
			for (k in o)
				if (has.call(o, k) && !has.call(skip, k))
					r[k] = o[k];
			return r;
		},
		/* Object spread into t. */
		os: function (t, s) {
			var k;

			if (s == null)
				return t;
			if (typeof s === "string") {
				for (k = 0; k < s.length; k++)
					t[k] = s[k];
				return t;
			}
			for (k in s)
				if (has.call(s, k))
					dp(t, k, { value: s[k], writable: true,
					    enumerable: true, configurable: true });
			return t;
		},
		/* Data property definition (computed keys in literals). */
		dp: function (o, k, v) {
			dp(o, k, { value: v, writable: true, enumerable: true,
			    configurable: true });
			return o;
		},
		/* Accessor definition, merged with an existing half. */
		acc: function (o, k, get, set) {
			var d = Object.getOwnPropertyDescriptor(o, k);

			if (d && !has.call(d, "get"))
				d = undefined;
			dp(o, k, { get: get || (d && d.get), set: set || (d && d.set),
			    enumerable: !(o.constructor && o.constructor.prototype === o ||
			    typeof o === "function"), configurable: true });
			return o;
		},
		/* Class methods are not enumerable. */
		m: function (o, k, f) {
			dp(o, k, { value: f, writable: true, configurable: true });
		},
		/* Class fields; private ones (#x) are hidden from enumeration. */
		fd: function (o, k, v) {
			dp(o, k, { value: v, writable: true, configurable: true,
			    enumerable: typeof k !== "string" || k.charAt(0) !== "#" });
		},
		/* class C extends P */
		inh: function (C, P) {
			var names, i;

			if (P !== null && typeof P !== "function")
				throw new TypeError("Class extends value " + P +
				    " is not a constructor or null");
			C.prototype = Object.create(P === null ? null : P.prototype,
			    { constructor: { value: C, writable: true,
			    configurable: true } });
			if (P === null)
				return;
			names = Object.getOwnPropertyNames(P);
			for (i = 0; i < names.length; i++)
				if (!has.call(C, names[i]))
					try {
						dp(C, names[i],
						    Object.getOwnPropertyDescriptor(P, names[i]));
					} catch (e) {
					}
		},
		/* super(...args): native Error constructors make a new object;
		 * copy what they set onto this. */
		sup: function (self, P, args) {
			var r;

			/* Calling mujs's Error constructors as functions upsets
			 * its stack: construct them instead. */
			if (P === Error || P === TypeError || P === RangeError ||
			    P === SyntaxError || P === ReferenceError ||
			    P === EvalError || P === URIError)
				r = new P(args[0]);
			else
				r = P.apply(self, args);
			if (r !== self && r instanceof Error) {
				if (args.length > 0 && args[0] !== undefined)
					dp(self, "message", { value: r.message,
					    writable: true, configurable: true });
				if (r.stackTrace !== undefined)
					dp(self, "stackTrace", { value: r.stackTrace,
					    writable: true, configurable: true });
			}
			return self;
		},
		/* new C(...args) */
		nw: function (C, args) {
			var B = Function.prototype.bind.apply(C, [null].concat(args));

			return new B();
		},
		/* Assignment to a constant. */
		ce: function () {
			throw new TypeError("Assignment to constant variable.");
		},
		/* A tagged template's strings array. */
		tpl: function (cooked, raw) {
			dp(cooked, "raw", { value: raw });
			return cooked;
		},
		/* __proto__ in an object literal */
		proto: function (o, p) {
			var r = Object.create(p), k;

			for (k in o)
				if (has.call(o, k))
					r[k] = o[k];
			return r;
		},
		/* Module exports as live getters. */
		ex: function (e, getters) {
			var k;

			for (k in getters)
				if (has.call(getters, k))
					dp(e, k, { get: getters[k], enumerable: true });
		},
		/* export * from */
		star: function (e, ns) {
			var k;

			for (k in ns)
				if (k !== "default" && !has.call(e, k))
					(function (k) {
						dp(e, k, { get: function () { return ns[k]; },
						    enumerable: true });
					})(k);
		}
	};
})();
