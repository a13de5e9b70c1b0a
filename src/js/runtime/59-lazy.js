/* Install the stubs, lazy globals and aliases registered in __ly_rt.reg
 * by the files before this one, which runs last (see 10-symbol.js). */
(function (rt, G) {
	var reg = rt.reg.split(';'), i, j, w, f, o, g;

	for (i = 0; i < reg.length - 1; i++) {
		w = reg[i].split(' ');
		o = rt.holders[w[1]];
		if (w[0] === '=') {
			rt.def(o, w[2], o[w[3]]);
			continue;
		}
		g = +w[2];
		for (j = w[0] === 'l' ? 3 : 4; j < w.length; j++) {
			if (w[0] === 'l') {
				/* A lazy global: loads its group when first read;
				 * o is the value an existing global has meanwhile. */
				f = function m(v) {
					if (arguments.length)
						m.v = v;
					else if (!('v' in m))
						rt.load(m.prototype);
					return 'v' in m ? m.v : m.o;
				};
				if (o[w[j]] !== undefined)
					f.o = o[w[j]];
				f.prototype = g;
				rt.defp(o, w[j], { get: f, set: f, configurable: true });
				continue;
			}
			f = w[0] === 'v' ? function m() {
				var id = m.prototype;

				return (rt.impl[id >> 6] || rt.load(id >> 6))(id & 63, this,
				    arguments[0], arguments[1], arguments[2], arguments);
			} : function m(a, b, c) {
				var id = m.prototype;

				return (rt.impl[id >> 6] || rt.load(id >> 6))(id & 63, this, a, b, c);
			};
			f.prototype = g * 64 + +w[3] + j - 4;
			if (w[0] === 'a')
				rt.defp(o, w[j], { get: f, set: f, configurable: true });
			else
				rt.def(o, w[j], f);
		}
	}
	/* The closures keep this scope alive: drop what they do not need. */
	rt.reg = '';
	reg = w = f = o = null;
})(__ly_rt, this);
