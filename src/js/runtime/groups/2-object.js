/* Group 2: ES2015+ Object functions, loaded when the global Object is
 * first read.  Object.keys and Object.getOwnPropertyNames are replaced to
 * hide symbol-keyed and internal properties; Object.keys is built on
 * for-in because mujs 1.3.2's own misses array indexes (and
 * propertyIsEnumerable is wrong for them).
 *
 * Like every group, this file is the body of a function (rt, G, Object)
 * that rt.load() in 10-symbol.js compiles the first time the group is
 * needed; its text is served from C (runtime_groups[]), so a VU that
 * never uses the group never lexes it. */
var h = rt.load(7), obj = h.obj, gopn = Object.getOwnPropertyNames,
hasOwn = Object.prototype.hasOwnProperty;
function names(o, m) {
	var a = [], r = [], i, k;
	o = obj(o);
	if (m === 2) {
		for (k in o)
			if (hasOwn.call(o, k))
			a.push(k);
	} else
		a = gopn(o);
	for (i = 0; i < a.length; i++) {
		k = a[i];
		if (m === 1 ? k.lastIndexOf("@@sym:", 0) === 0 : k.charAt(0) !== "@" ||
		k.lastIndexOf("@@sym:", 0) && k.lastIndexOf("@@ly:", 0))
		r.push(k);
	}
	return r;
}
function list(o, op) {
	var k = names(o = obj(o), 2), r = [], i;
	for (i = 0; i < k.length; i++)
		r.push(op ? [k[i], o[k[i]]] : o[k[i]]);
	return r;
}
rt.def(Object, "keys", function keys(o) {
	return names(o, 2);
});
rt.def(Object, "getOwnPropertyNames", function getOwnPropertyNames(o) {
	return names(o, 0);
});
rt.def(Object, "getOwnPropertySymbols", function getOwnPropertySymbols(o) {
	return names(o, 1);
});
rt.def(Object, "entries", function entries(o) {
	return list(o, 1);
});
rt.def(Object, "values", function values(o) {
	return list(o, 0);
});
rt.def(Object, "fromEntries", function fromEntries(it) {
	var r = {};
	h.each(it, function (e) {
		if (!h.isObj(e))
			throw new TypeError("Iterator value " + String(e) + " is not an entry object");
		r[e[0]] = e[1];
	});
	return r;
});
/* A proxy's properties are its target's (js/proxy.c). */
var defp = Object.defineProperty;
rt.def(Object, "defineProperty", function defineProperty(o, k, d) {
	var t = rt.pt && h.isObj(o) ? rt.pt(o) : undefined;
	if (t === undefined)
		return defp(o, k, d);
	defp(t, k, d);
	return o;
});
/* mujs's looks up the prototype chain too, and misses indexes and
 * proxies' properties (rt.pd, js/proxy.c). */
var gopd = Object.getOwnPropertyDescriptor;
rt.def(Object, "getOwnPropertyDescriptor", function getOwnPropertyDescriptor(o, k) {
	var d;
	o = obj(o);
	if (rt.pd && (d = rt.pd(o, k)) !== undefined) {
		if (!h.isObj(d))
			throw new TypeError("Property description must be an object: " + d);
		return "get" in d || "set" in d ? { get: d.get, set: d.set,
		enumerable: !!d.enumerable, configurable: !!d.configurable } :
		{ value: d.value, writable: !!d.writable, enumerable: !!d.enumerable,
		configurable: !!d.configurable };
	}
	if (!hasOwn.call(o, k))
		return undefined;
	d = gopd(o, k);
	return d !== undefined ? d : { value: o[k], writable: true, enumerable: true,
	configurable: true };
});
rt.def(Object, "hasOwn", function hasOwn_(o, k) {
	return hasOwn.call(obj(o), k);
});
rt.def(Object, "getOwnPropertyDescriptors", function getOwnPropertyDescriptors(o) {
	var k = names(o = obj(o), 0).concat(names(o, 1)), r = {}, i;
	for (i = 0; i < k.length; i++)
		r[k[i]] = Object.getOwnPropertyDescriptor(o, k[i]);
	return r;
});
rt.def(Object, "groupBy", function groupBy(it, f) {
	var r = Object.create(null), i = 0;
	h.fn(f);
	h.each(it, function (v) {
		var k = f(v, i++);
		k = typeof k === "string" || typeof k === "symbol" ? k : String(k);
		if (hasOwn.call(r, k))
			r[k].push(v);
		else
			r[k] = [v];
	});
	return r;
});
rt.def(Object, "is", function is(a, b) {
	return a === b ? a !== 0 || 1 / a === 1 / b : a !== a && b !== b;
});
rt.def(Object, "assign", function assign(t) {
	var i, k, s;
	t = obj(t);
	for (i = 1; i < arguments.length; i++) {
		s = arguments[i];
		if (s != null)
			for (k in (s = Object(s)))
			if (hasOwn.call(s, k))
			t[k] = s[k];
	}
	return t;
});
rt.def(G, "Object", Object);
