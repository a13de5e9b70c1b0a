/* The core of the runtime library: how the other files install their
 * functions cheaply, Symbol, and helpers shared by the other groups.
 *
 * Memory.  Every VU loads this library, and in mujs 1.3.2 each compiled
 * function costs hundreds of bytes before its code (its tables are
 * allocated in blocks), code costs 4 bytes an instruction, and a function
 * object about 300 bytes with its length, prototype and holder
 * properties.  The budget is 48 KiB, so the library is lazy:
 *  - Each group of functions is kept as source text (about a byte a
 *    character, against three or four once compiled) in rt.src[g]: a
 *    string literal written with line continuations, so the embedded code
 *    has no comments and no newlines (mind semicolons), or an array of
 *    them, each under 4096 characters (mujs keeps its lexer buffer as
 *    large as the longest token it has seen).  The source is the body of
 *    a function (rt, G, Object), Object being the original constructor so
 *    that groups do not load group 2; rt.load(g) runs it the first time
 *    the group is needed and keeps what it returns (the dispatcher
 *    function (op, self, a, b, c, args) of a group of methods).
 *  - Methods of Array.prototype, Array, String.prototype and String are
 *    stubs: closures of one function expression that find their group and
 *    operation in their own `prototype` property (a number: built-in
 *    methods need no prototype object) and call the dispatcher.  All
 *    stubs share one length: 3, or 0 for the variadic ones.
 *  - New globals (Map, Promise, Symbol, ...), and Object, Number and Math
 *    whose new functions their group adds, are accessors whose getter
 *    loads the group the first time.  They stay accessors, keeping the
 *    value in the getter's `v` property: mujs 1.3.2 cannot turn an
 *    accessor into a data property, and its delete can move an
 *    accessor's getter onto a neighbouring property.  A read of such a
 *    global is thus a function call.
 *  Files register what they need in rt.reg; 59-lazy.js installs it all.
 *
 * Symbols.  mujs is ES5, so a symbol is a unique string "@@sym:DESC:N"
 * ("@@sym:Symbol.iterator" for the well-known ones).  Properties keyed by
 * a symbol that the runtime defines, or that are assigned where the
 * runtime has an accessor (obj[Symbol.iterator] = f), are non-enumerable,
 * so Object.keys, for-in and JSON.stringify skip them;
 * Object.getOwnPropertyNames and Object.keys are wrapped to hide them too.
 * Known differences: typeof a symbol is "string", String(sym) gives the
 * key rather than "Symbol(x)", and other symbol-keyed properties created
 * by plain assignment are enumerable.  Runtime internals use keys
 * starting "@@ly:", hidden the same way.
 *
 * Functions must work when called from strict code; the files themselves
 * expect what runtime_load() gives them in a sloppy state (this is the
 * global object). */
(function (G) {
	var O = Object, defp = O.defineProperty, gopd = O.getOwnPropertyDescriptor;
	var rt;

	rt = {
		ITER: '@@sym:Symbol.iterator',
		src: [],
		impl: [],
		/* Define a writable, configurable property, non-enumerable
		 * unless e, or set the value of a lazy global. */
		def: function (o, k, v, e) {
			var d = gopd(o, k);

			if (d && d.get && d.get === d.set && d.get.prototype >= 512)
				d.get.v = v;
			else
				defp(o, k, { value: v, writable: true, enumerable: !!e,
				    configurable: true });
			return v;
		},
		/* Compile and run group g's source once; return its result.
		 * This is also __ly_runMicrotasks(): called without a group
		 * number, it runs the drain function of group 5 (Promise) if
		 * that is loaded, and returns the number of jobs run. */
		load: function (g) {
			if (typeof g !== 'number')
				return typeof rt.impl[5] === 'function' ? rt.impl[5]() : 0;
			if (!rt.impl[g]) {
				rt.impl[g] = true;
				rt.impl[g] = new Function('rt', 'G', 'Object',
				    [].concat(rt.src[g]).join(''))(rt, G, O) || true;
			}
			return rt.impl[g];
		},
		/* Registrations for 59-lazy.js, separated by ";": "s H G F
		 * NAME..." stubs for operations F, F+1, ... of group G on
		 * holder H ("v" variadic stubs, "a" one stub used as getter
		 * and setter), "l H G NAME..." lazy globals, "= H NAME OTHER"
		 * an alias.  The holders are, by number, the global object,
		 * Array.prototype, Array, String.prototype, String and
		 * Object.prototype. */
		reg: ''
	};
	rt.def.prototype = rt.load.prototype = 0;
	defp(G, '__ly_rt', { value: rt });
	rt.def(G, '__ly_runMicrotasks', rt.load);

	/* Group 7: helpers shared by the other groups, as an object. */
	rt.src[7] = '\
var h = {\
int: function (v) {\
v = +v;\
return v !== v ? 0 : v < 0 ? Math.ceil(v) : Math.floor(v);\
},\
len: function (v) {\
v = h.int(v);\
return v <= 0 ? 0 : v > 9007199254740991 ? 9007199254740991 : v;\
},\
obj: function (v) {\
if (v == null)\
throw new TypeError("Cannot convert undefined or null to object");\
return Object(v);\
},\
fn: function (f) {\
if (typeof f !== "function")\
throw new TypeError(f + " is not a function");\
return f;\
},\
isObj: function (v) {\
return v !== null && (typeof v === "object" || typeof v === "function");\
},\
each: function (x, f) {\
var m = x == null ? undefined : x[rt.ITER], it, r;\
if (typeof m !== "function")\
throw new TypeError(x + " is not iterable");\
it = m.call(x);\
for (;;) {\
r = it.next();\
if (!h.isObj(r))\
throw new TypeError("Iterator result " + r + " is not an object");\
if (r.done)\
return;\
try {\
f(r.value);\
} catch (e) {\
if (typeof it["return"] === "function")\
try { it["return"](); } catch (e2) {}\
throw e;\
}\
}\
},\
iter: function (proto, t, k) {\
var it = Object.create(proto);\
it._t = t;\
it._i = 0;\
it._k = k;\
return it;\
},\
step: function (v, d) {\
return { value: v, done: d };\
},\
inst: function (d, o, names, first) {\
var i, f;\
for (i = 0; i < names.length; i++) {\
f = function m(a, b, c) {\
return d(m.prototype, this, a, b, c);\
};\
f.prototype = first + i;\
rt.def(o, names[i], f);\
}\
return o;\
},\
IterProto: {}\
};\
rt.def(h.IterProto, rt.ITER, function () {\
return this;\
});\
return h;';

	/* Group 6: Symbol, with Symbol.for and Symbol.keyFor. */
	rt.src[6] = '\
var n = 0, reg = Object.create(null), S = "@@sym:", i, w = ("iterator " +\
"asyncIterator hasInstance toPrimitive toStringTag species").split(" ");\
function Symbol(d) {\
if (this instanceof Symbol)\
throw new TypeError("Symbol is not a constructor");\
return S + (d === undefined ? "" : String(d)) + ":" + ++n;\
}\
for (i = 0; i < w.length; i++)\
Object.defineProperty(Symbol, w[i], { value: S + "Symbol." + w[i] });\
rt.def(Symbol, "for", function (k) {\
k = String(k);\
return reg[k] || (reg[k] = S + k + ":");\
});\
rt.def(Symbol, "keyFor", function (s) {\
if (typeof s !== "string" || s.lastIndexOf(S, 0) !== 0)\
throw new TypeError(s + " is not a symbol");\
var k = s.slice(S.length, -1);\
return reg[k] === s ? k : undefined;\
});\
rt.def(G, "Symbol", Symbol);';
	rt.reg += 'l 0 6 Symbol;';
})(this);
