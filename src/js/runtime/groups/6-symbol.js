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
	if (typeof s !== "symbol")
		throw new TypeError(s + " is not a symbol");
	var k = s.slice(S.length, -1);
	return reg[k] === s ? k : undefined;
});
/* description, read from the key: a symbol is a string, so String.prototype
 * gets the getter too (undefined for other strings); a symbol made
 * without a description cannot be told from Symbol("") and gives
 * undefined. */
function description() {
	var s = String(this), m;
	if (s.lastIndexOf(S, 0) !== 0)
		return undefined;
	s = s.slice(S.length);
	/* "DESC:N" made, "KEY:" from Symbol.for, "Symbol.NAME" well-known */
	if ((m = /:([0-9]*)$/.exec(s)))
		s = s.slice(0, m.index);
	return s === "" && m && m[1] ? undefined : s;
}
Object.defineProperty(Symbol.prototype, "description", { get: description, configurable: true });
Object.defineProperty(G.String.prototype, "description", { get: description, configurable: true });
rt.def(G, "Symbol", Symbol);
