/* Install the stubs, lazy globals and aliases registered in __ly_rt.reg
 * by the library files before this one (10-symbol.js to 50-promise.js;
 * files after 59 are not part of the library).  See 10-symbol.js. */
(function (rt, G) {
	/* Few variables: the closures keep this scope alive. */
	var defp = Object.defineProperty, reg = rt.reg.split(';'), i, j, w, f, o;
	var h = [G, Array.prototype, Array, String.prototype, String, Object.prototype];

	for (i = 0; i < reg.length - 1; i++) {
		w = reg[i].split(' ');
		o = h[w[1]];
		if (w[0] === '=') {
			rt.def(o, w[2], o[w[3]]);
			continue;
		}
		for (j = w[0] === 'l' ? 3 : 4; j < w.length; j++) {
			/* One function serves as stub and as lazy global: a
			 * global's getter gets no argument (so assigning
			 * undefined to it reads it instead), its setter one;
			 * o is the value an existing global has meanwhile. */
			f = w[0] === 'v' ? function m() {
				'use strict';	/* this may be null or a primitive */
				var id = m.prototype;

				return (rt.impl[id >> 6] || rt.load(id >> 6))(id & 63, this,
				    arguments[0], arguments[1], arguments[2], arguments);
			} : function m(a, b, c) {
				'use strict';
				var id = m.prototype;

				if (id < 512)
					return (rt.impl[id >> 6] || rt.load(id >> 6))(id & 63, this, a, b, c);
				if (a !== undefined)
					m.v = a;
				else if (!('v' in m))
					rt.load(id - 512);
				return 'v' in m ? m.v : m.o;
			};
			if (w[0] === 'l') {
				if (o[w[j]] !== undefined)
					f.o = o[w[j]];
				f.prototype = 512 + +w[2];
			} else
				f.prototype = w[2] * 64 + +w[3] + j - 4;
			if (w[0] === 'l' || w[0] === 'a')
				defp(o, w[j], { get: f, set: f, configurable: true });
			else
				rt.def(o, w[j], f);
		}
	}
	delete rt.reg;	/* safe: rt has no accessors */
	reg = w = f = o = h = null;
})(__ly_rt, this);
