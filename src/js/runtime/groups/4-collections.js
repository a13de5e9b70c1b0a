/* Group 4: Map, Set, WeakMap and WeakSet, loaded when one of these
 * globals is first read.
 *
 * Map and Set keep their entries in a doubly linked list, in insertion
 * order, indexed by a hash object: a primitive key hashes to its type and
 * value (SameValueZero: NaN equals NaN, -0 equals +0), an object to an id
 * stored in a hidden non-enumerable property ("@@ly:id").  A deleted entry
 * keeps a pointer back to its predecessor, so an iterator standing on it
 * walks back to a live entry and then on, and sees entries added later, as
 * the spec requires.  Objects that cannot take an id (frozen ones) go to a
 * list searched linearly.  mujs objects are balanced trees, so lookups
 * take O(log n).
 *
 * WeakMap and WeakSet store the value on the key object itself under a
 * hidden property named after the collection, so an entry lives and dies
 * with its key; non-extensible keys again fall back to a list.
 *
 * The methods of the four classes are closures of one function that finds
 * its class and operation in its `prototype` property.
 *
 * Like every group, this file is the body of a function (rt, G, Object)
 * that rt.load() in 10-symbol.js compiles the first time the group is
 * needed; its text is served from C (runtime_groups[]), so a VU that
 * never uses the group never lexes it. */
var h = rt.load(7), S = "@@ly:c", OID = "@@ly:id", seq = 0, i, j, f, P, m, C,
It = Object.create(h.IterProto), SetIt, defp = Object.defineProperty, hasOwn = Object.prototype.hasOwnProperty,
names = ["Map", "get has set delete clear forEach size keys values entries",
"Set", "has add delete clear forEach size values entries",
"WeakMap", "get has set delete", "WeakSet", "has add delete"];
function hkey(k) {
	switch (typeof k) {
	case "string":
		return "s" + k;
	case "number":
		return k === 0 ? "n0" : "n" + k;
	case "symbol":	/* + throws for one */
		return "y".concat(k);
	case "object":
	case "function":
		if (k === null)
			return "l";
		if (hasOwn.call(k, OID))
			return k[OID];
		if (!Object.isExtensible(k))
			return null;
		defp(k, OID, { value: "o" + ++seq });
		return k[OID];
	}
	return typeof k + k;
}
function find(s, k) {
	var x = hkey(k), j;
	if (x !== null)
		return s.h[x];
	for (j = 0; j < s.x.length; j++)
		if (s.x[j].k === k)
		return s.x[j];
}
function init(o, t, it) {
	var head = { n: null }, add;
	if (!(o instanceof C[t]) || hasOwn.call(o, S))
		throw new TypeError("Constructor " + names[t * 2] + " requires \x27new\x27");
	defp(o, S, { value: { t: t, h: Object.create(null), x: [], f: head, l: head,
			n: 0, w: "@@ly:w" + ++seq } });
	if (it != null) {
		add = t & 1 ? o.add : o.set;
		h.each(it, function (e) {
			if (t & 1)
				return add.call(o, e);
			if (!h.isObj(e))
				throw new TypeError("Iterator value " + String(e) + " is not an entry object");
			add.call(o, e[0], e[1]);
		});
	}
}
C = [function Map(it) { init(this, 0, it); }, function Set(it) { init(this, 1, it); },
function WeakMap(it) { init(this, 2, it); }, function WeakSet(it) { init(this, 3, it); }];
for (i = 0; i < 4; i++) {
	rt.def(G, names[i * 2], C[i]);
	P = C[i].prototype;
	names[i * 2 + 1] = names[i * 2 + 1].split(" ");
	for (j = 0; j < names[i * 2 + 1].length; j++) {
		f = function m(a, b) {
			var t = m.prototype >> 4, op = names[t * 2 + 1][m.prototype & 15],
			s = hasOwn.call(Object(this), S) ? this[S] : null, e, x, k;
			if (!s || s.t !== t)
				throw new TypeError("Method " + names[t * 2] + ".prototype." + op +
			" called on incompatible receiver " + this);
			if (t > 1) {
				if (!h.isObj(a)) {
					if (op === "set" || op === "add")
						throw new TypeError("Invalid value used " +
					(t === 2 ? "as weak map key" : "in weak set"));
					return op === "get" ? undefined : false;
				}
				for (k = 0; k < s.x.length && s.x[k] !== a; k += 2)
					;
				e = hasOwn.call(a, s.w) || k < s.x.length;
				switch (op) {
				case "get":
					return k < s.x.length ? s.x[k + 1] : a[s.w];
				case "has":
					return e;
				case "delete":
					if (k < s.x.length)
						s.x.splice(k, 2);
					return e && delete a[s.w];
				}
				b = t === 2 ? b : true;
				if (k < s.x.length)
					s.x[k + 1] = b;
				else if (e)
					a[s.w] = b;
				else if (Object.isExtensible(a))
					defp(a, s.w, { value: b, writable: true, configurable: true });
				else
					s.x.push(a, b);
				return this;
			}
			switch (op) {
			case "get":
				e = find(s, a);
				return e ? e.v : undefined;
			case "has":
				return !!find(s, a);
			case "set":
			case "add":
				if (a === 0)
					a = 0;
				if (t === 1)
					b = a;
				if ((e = find(s, a))) {
					e.v = b;
					return this;
				}
				e = s.l.n = s.l = { k: a, v: b, n: null, p: s.l };
				x = hkey(a);
				if (x !== null)
					s.h[x] = e;
				else
					s.x.push(e);
				s.n++;
				return this;
			case "delete":
				if (!(e = find(s, a)))
					return false;
				x = hkey(a);
				if (x !== null)
					delete s.h[x];
				else
					s.x.splice(s.x.indexOf(e), 1);
				e.p.n = e.n;
				if (e.n)
					e.n.p = e.p;
				else
					s.l = e.p;
				e.d = true;
				e.k = e.v = undefined;
				s.n--;
				return true;
			case "clear":
				for (e = s.f.n; e; e = e.n) {
					e.d = true;
					e.p = s.f;
					e.k = e.v = undefined;
				}
				s.f.n = null;
				s.l = s.f;
				s.h = Object.create(null);
				s.x = [];
				s.n = 0;
				return;
			case "forEach":
				h.fn(a);
				for (e = s.f; ; ) {
					while (e.d)
						e = e.p;
					if (!(e = e.n))
						return;
					a.call(b, e.v, e.k, this);
				}
			case "size":
				return s.n;
			}
			return h.iter(t ? SetIt : It, s.f, op === "keys" ? 0 : op === "values" ? 1 : 2);
		};
		f.prototype = i * 16 + j;
		rt.def(f, "name", (names[i * 2 + 1][j] === "size" ? "get " : "") + names[i * 2 + 1][j]);
		if (names[i * 2 + 1][j] === "size")
			defp(P, "size", { get: f, configurable: true });
		else
			rt.def(P, names[i * 2 + 1][j], f);
	}
}
rt.def(C[0].prototype, rt.ITER, C[0].prototype.entries);
for (i = 0; i < 4; i++)
	h.tag(C[i].prototype, names[i * 2]);
h.tag(It, "Map Iterator");
SetIt = Object.create(It);
h.tag(SetIt, "Set Iterator");
rt.def(C[1].prototype, "keys", C[1].prototype.values);
rt.def(C[1].prototype, rt.ITER, C[1].prototype.values);
rt.def(It, "next", function next() {
	var e = this._t;
	if (!e)
		return h.step(undefined, true);
	while (e.d)
		e = e.p;
	if (!(e = this._t = e.n))
		return h.step(undefined, true);
	return h.step(this._k === 0 ? e.k : this._k === 1 ? e.v : [e.k, e.v], false);
});
rt.def(C[0], "groupBy", function groupBy(it, f) {
	var r = new C[0](), i = 0;
	h.fn(f);
	h.each(it, function (v) {
		var k = f(v, i++), l = r.get(k);
		if (l)
			l.push(v);
		else
			r.set(k, [v]);
	});
	return r;
});
