/* Group 0: ES2015+ Array methods, Array.from and Array.of, the array
 * iterator (also used by arguments objects, through an accessor on
 * Object.prototype[Symbol.iterator] that any object can override by
 * assignment) and %IteratorPrototype%[Symbol.iterator].  Reached through
 * stubs (lib[] in src/js/runtime.c).
 *
 * Methods are generic over array-likes, visit holes as undefined where
 * the spec says so, and coerce lengths and indexes like the spec.
 *
 * Like every group, this file is the body of a function (rt, G, Object)
 * that rt.load() in 10-symbol.js compiles the first time the group is
 * needed; its text is served from C (runtime_groups[]), so a VU that
 * never uses the group never lexes it. */
var h = rt.load(7), int = h.int, len = h.len, It = Object.create(h.IterProto);
h.tag(It, "Array Iterator");
function rel(v, n) {
	v = int(v);
	return v < 0 ? Math.max(n + v, 0) : Math.min(v, n);
}
function flat(r, s, d, f, t) {
	var j, v, n = len(s.length);
	for (j = 0; j < n; j++)
		if (j in s) {
		v = f ? f.call(t, s[j], j, s) : s[j];
		if (d > 0 && Array.isArray(v))
			flat(r, v, d - 1);
		else
			r.push(v);
	}
	return r;
}
function d(op, o, a, b, c, args) {
	var n, j, k, v, dir;
	switch (op) {
	case 13:
		if (b !== undefined)
			h.fn(b);
		o = typeof o === "function" && o !== Array ? new o() : [];
		j = 0;
		/* a symbol has String.prototype's iterator, not its own */
		if (a != null && typeof a !== "symbol" && a[rt.ITER] != null)
			h.each(a, function (x) {
			o[j] = b ? b.call(c, x, j) : x;
			j++;
		});
		else
			for (a = h.obj(a), n = len(a.length); j < n; j++)
			o[j] = b ? b.call(c, a[j], j) : a[j];
		o.length = j;
		return o;
	case 14:
		n = args.length;
		o = typeof o === "function" && o !== Array ? new o(n) : [];
		for (j = 0; j < n; j++)
			o[j] = args[j];
		o.length = n;
		return o;
	case 15:
		a = o._t;
		j = o._i;
		if (a === undefined || j >= len(a.length)) {
			o._t = undefined;
			return h.step(undefined, true);
		}
		o._i = j + 1;
		return h.step(o._k === 0 ? a[j] : o._k === 1 ? j : [j, a[j]], false);
	case 16:
		if (a !== undefined)
			return void (o === Object(o) && rt.def(o, rt.ITER, a));
		return Object.prototype.toString.call(o) === "[object Arguments]" ? Array.prototype.values : undefined;
	}
	o = h.obj(o);
	n = len(o.length);
	if (op >= 17) {
		v = [];
		for (j = 0; j < n; j++)
			v[j] = o[j];
	}
	switch (op) {
	case 17:
		if (a !== undefined)
			h.fn(a);
		return a === undefined ? v.sort() : v.sort(a);
	case 18:
		return v.reverse();
	case 19:
		j = int(a);
		if (j < 0)
			j += n;
		if (j < 0 || j >= n)
			throw new RangeError("Invalid index : " + a);
		v[j] = b;
		return v;
	case 20:
		j = args.length > 0 ? rel(args[0], n) : 0;
		k = args.length === 0 ? 0 : args.length === 1 ? n - j :
		Math.min(Math.max(int(args[1]), 0), n - j);
		return v.slice(0, j).concat(args.slice(2), v.slice(j + k));
	case 0:
	case 1:
	case 2:
	case 3:
		h.fn(a);
		for (k = 0; k < n; k++) {
			j = op < 2 ? k : n - 1 - k;
			v = o[j];
			if (a.call(b, v, j, o))
				return op & 1 ? j : v;
		}
		return op & 1 ? -1 : undefined;
	case 4:
		for (j = n > 0 ? rel(b, n) : 0; j < n; j++) {
			v = o[j];
			if (v === a || v !== v && a !== a)
				return true;
		}
		return false;
	case 5:
		j = int(a);
		if (j < 0)
			j += n;
		return j < 0 || j >= n ? undefined : o[j];
	case 6:
		for (j = rel(b, n), k = c === undefined ? n : rel(c, n); j < k; j++)
			o[j] = a;
		return o;
	case 7:
	case 8:
	case 9:
		return h.iter(It, o, op === 7 ? 1 : op === 8 ? 0 : 2);
	case 10:
		return flat([], o, a === undefined ? 1 : int(a));
	case 11:
		return flat([], o, 1, h.fn(a), b);
	case 12:
		j = rel(a, n);
		k = rel(b, n);
		v = Math.min((c === undefined ? n : rel(c, n)) - k, n - j);
		dir = 1;
		if (k < j && j < k + v) {
			dir = -1;
			k += v - 1;
			j += v - 1;
		}
		for (; v > 0; v--, k += dir, j += dir)
			if (k in o)
			o[j] = o[k];
		else
			delete o[j];
		return o;
	}
}
h.inst(d, It, ["next"], 15);
return d;
