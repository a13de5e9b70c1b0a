/* Group 6: Symbol, with Symbol.for and Symbol.keyFor, loaded when the
 * global Symbol is first read.  See 10-symbol.js for what a symbol is.
 *
 * Like every group, this file is the body of a function (rt, G, Object)
 * that rt.load() in 10-symbol.js compiles the first time the group is
 * needed; its text is served from C (runtime_groups[]), so a VU that
 * never uses the group never lexes it. */
var n = 0, reg = Object.create(null), S = "@@sym:", i, w = ("iterator " +
"asyncIterator hasInstance toPrimitive toStringTag species").split(" ");
function Symbol(d) {
	if (this instanceof Symbol)
		throw new TypeError("Symbol is not a constructor");
	return S + (d === undefined ? "" : String(d)) + ":" + ++n;
}
for (i = 0; i < w.length; i++)
	Object.defineProperty(Symbol, w[i], { value: S + "Symbol." + w[i] });
rt.def(Symbol, "for", function (k) {
	k = String(k);
	return reg[k] || (reg[k] = S + k + ":");
});
rt.def(Symbol, "keyFor", function (s) {
	if (typeof s !== "string" || s.lastIndexOf(S, 0) !== 0)
		throw new TypeError(s + " is not a symbol");
	var k = s.slice(S.length, -1);
	return reg[k] === s ? k : undefined;
});
rt.def(G, "Symbol", Symbol);
