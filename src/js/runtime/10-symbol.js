/* The core of the runtime library: how its functions are installed
 * cheaply and loaded when first used, and what a symbol is.
 *
 * Memory and time.  Every VU loads this library, and in mujs 1.3.2 each
 * compiled function costs hundreds of bytes before its code (its tables
 * are allocated in blocks), code costs 4 bytes an instruction, and a
 * function object about 170 bytes with its holder's property (its length
 * and prototype are made when first read, js/lazyprop.c).  The budget is 48 KiB, and a VU must start in well under a
 * millisecond, so the library is lazy:
 *  - Its functions come in eight groups (0 Array methods, 1 String
 *    methods, 2 Object, 3 Number and Math, 4 collections, 5 Promise,
 *    6 Symbol, 7 helpers), one file each in groups/, each the body of a
 *    function (rt, G, Object), Object being the original constructor so
 *    that groups do not load group 2.  The build embeds their text as
 *    static C strings (runtime_groups[]), which runtime_load() serves to
 *    this file through a native function without copying: a VU lexes and
 *    compiles a group only when it first needs it (rt.load(g) runs it
 *    once and keeps what it returns, the dispatcher function (op, self,
 *    a, b, c, args) of a group of methods).
 *  - Methods of Array.prototype, Array, String.prototype and String are
 *    stubs: C functions that know their group and operation and call the
 *    dispatcher.  All stubs share one length: 3, or 0 for the variadic
 *    ones.
 *  - New globals (Map, Promise, Symbol, ...), and Object, Number and Math
 *    whose new functions their group adds, are accessors whose getter
 *    loads the group the first time (C functions too, with 512 + g in
 *    their `prototype` property, by which rt.def knows them).  They stay
 *    accessors, keeping the value in the getter's `v` property: mujs
 *    1.3.2 cannot turn an accessor into a data property, and its delete
 *    can move an accessor's getter onto a neighbouring property.  A read
 *    of such a global is thus a function call.
 *  The table of stubs, lazy globals and aliases is lib[] in
 *  src/js/runtime.c, which installs it (in C: a C function per stub costs
 *  less than a closure, and a VU needs them all before it runs a line).
 *
 * Symbols.  mujs is ES5, so a symbol is a unique string "@@sym:DESC:N"
 * ("@@sym:Symbol.iterator" for the well-known ones).  Properties keyed by
 * a symbol that the runtime defines, or that are assigned where the
 * runtime has an accessor (obj[Symbol.iterator] = f), are non-enumerable,
 * so Object.keys, for-in and JSON.stringify skip them;
 * Object.getOwnPropertyNames and Object.keys are wrapped to hide them too.
 * typeof a symbol is "symbol", String(sym) "Symbol(desc)", and the
 * operators that convert one to a string or a number throw
 * (js/symbol.c); the runtime builds keys with String.prototype.concat,
 * never +.  The compiler's for-in and JSON.stringify skip symbol keys
 * that plain assignment made enumerable.  Runtime internals use keys
 * starting "@@ly:", hidden the same way.
 *
 * Functions must work when called from strict code; the files themselves
 * expect what runtime_load() gives them in a sloppy state (this is the
 * global object). */
(function (G) {
	var O = Object, defp = O.defineProperty, gopd = O.getOwnPropertyDescriptor;
	var text = G.__ly_rtsrc, install = G.__ly_rtinstall, rt;

	/* runtime_load() defined them for us alone. */
	delete G.__ly_rtsrc;
	delete G.__ly_rtinstall;
	rt = {
		ITER: '@@sym:Symbol.iterator',
		impl: [],
		/* Define a writable, configurable property, non-enumerable
		 * unless e, or set the value of a lazy global. */
		def: function (o, k, v, e) {
			var d = gopd(o, k);

			if (d && d.get && d.get === d.set && d.get.prototype >= 512) {
				/* the script's own assignment stays */
				if (!('v' in d.get))
					d.get.v = v;
			} else
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
				    text(g))(rt, G, O) || true;
			}
			return rt.impl[g];
		}
	};
	defp(G, '__ly_rt', { value: rt });
	rt.def(G, '__ly_runMicrotasks', rt.load);
	install(rt);
})(this);
