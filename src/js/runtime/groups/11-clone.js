/* Group 11: structuredClone, loaded when the global is first read.  It
 * copies what the HTML structured clone algorithm copies: primitives,
 * plain objects and arrays (own enumerable properties), Date, RegExp,
 * Boolean/Number/String objects, Map, Set, ArrayBuffer, typed arrays,
 * DataView and errors, keeping shared and cyclic references; functions
 * and symbols throw a DataCloneError.  Other objects come out as plain
 * objects, as there.
 *
 * Like every group, this file is the body of a function (rt, G, Object)
 * that rt.load() in 10-symbol.js compiles the first time the group is
 * needed; its text is served from C (runtime_groups[]), so a VU that
 * never uses the group never lexes it. */
/* Group 2 makes Object.keys list array indexes. */
rt.load(2);
var h = rt.load(7), toStr = Object.prototype.toString, hasOwn = Object.prototype.hasOwnProperty;
function DataCloneError(what) {
	var e = new Error(what + " could not be cloned.");
	e.name = "DataCloneError";
	e.code = 25;
	return e;
}
function errorCtor(name) {
	switch (name) {
	case "TypeError": return TypeError;
	case "RangeError": return RangeError;
	case "SyntaxError": return SyntaxError;
	case "ReferenceError": return ReferenceError;
	case "EvalError": return EvalError;
	case "URIError": return URIError;
	}
	return Error;
}
function clone(v, seen) {
	var t, r, i, k, keys, f;
	if (typeof v === "function")
		throw DataCloneError(String(v));
	if (typeof v === "symbol")
		throw DataCloneError("Symbol()");
	if (!h.isObj(v))
		return v;
	for (i = 0; i < seen.length; i += 2)
		if (seen[i] === v)
			return seen[i + 1];
	t = toStr.call(v);
	if (t === "[object Date]")
		r = new Date(v.getTime());
	else if (t === "[object RegExp]")
		r = new RegExp(v.source, (v.global ? "g" : "") + (v.ignoreCase ? "i" : "") +
		(v.multiline ? "m" : ""));
	else if (t === "[object Boolean]" || t === "[object Number]" || t === "[object String]")
		r = Object(v.valueOf());
	else if (v instanceof G.ArrayBuffer)
		r = v.slice(0);
	else if (G.ArrayBuffer.isView(v)) {
		f = clone(v.buffer, seen);
		r = v instanceof G.DataView ? new G.DataView(f, v.byteOffset, v.byteLength) :
		new v.constructor(f, v.byteOffset, v.length);
	} else if (t === "[object Error]") {
		r = new (errorCtor(v.name))(v.message, hasOwn.call(v, "cause") ?
		{ cause: clone(v.cause, seen) } : undefined);
		if (v.stack !== undefined)
			r.stack = v.stack;
	} else if (v instanceof G.Map) {
		r = new G.Map();
		seen.push(v, r);
		v.forEach(function (x, y) {
			r.set(clone(y, seen), clone(x, seen));
		});
		return r;
	} else if (v instanceof G.Set) {
		r = new G.Set();
		seen.push(v, r);
		v.forEach(function (x) {
			r.add(clone(x, seen));
		});
		return r;
	} else
		r = Array.isArray(v) ? new Array(v.length) : {};
	seen.push(v, r);
	if (t === "[object Error]" || r instanceof Date || t === "[object RegExp]")
		return r;
	keys = Object.keys(v);
	for (i = 0; i < keys.length; i++) {
		k = keys[i];
		if (G.ArrayBuffer.isView(v) || v instanceof G.ArrayBuffer)
			break;
		r[k] = clone(v[k], seen);
	}
	return r;
}
rt.def(G, "structuredClone", function structuredClone(v) {
	if (arguments.length === 0)
		throw new TypeError("The \"value\" argument must be specified");
	return clone(v, []);
});
