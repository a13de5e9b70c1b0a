/* Group 6: Symbol, with Symbol.for and Symbol.keyFor, loaded when the
 * global Symbol is first read.  See 10-symbol.js for what a symbol is.
 *
 * Like every group, this file is the body of a function (rt, G, Object)
 * that rt.load() in 10-symbol.js compiles the first time the group is
 * needed; its text is served from C (runtime_groups[]), so a VU that
 * never uses the group never lexes it. */
var n = 0, reg = Object.create(null), S = "@@sym:", i,
valueOf = G.String.prototype.valueOf, w = ("iterator " +
"asyncIterator hasInstance toPrimitive toStringTag species").split(" ");
/* Keys are made with concat: the + operator throws for a symbol, and S
 * is one (js/symbol.c). */
function Symbol(d) {
	if (this instanceof Symbol)
		throw new TypeError("Symbol is not a constructor");
	return S.concat(d === undefined ? "" : String(d), ":", ++n);
}
for (i = 0; i < w.length; i++)
	Object.defineProperty(Symbol, w[i], { value: S.concat("Symbol.", w[i]) });
rt.def(Symbol, "for", function (k) {
	k = String(k);
	return reg[k] || (reg[k] = S.concat(k, ":"));
});
rt.def(Symbol, "keyFor", function (s) {
	if (typeof s !== "symbol")
		throw new TypeError(String(s) + " is not a symbol");
	var k = s.slice(S.length, -1);
	return reg[k] === s ? k : undefined;
});
/* The symbol a symbol or a Symbol object (Object(symbol), js/symbol.c)
 * is, else undefined; "this" is not boxed in this sloppy code. */
function key(v) {
	if (typeof v === "symbol")
		return v;
	if (v instanceof Symbol && typeof v["@@ly:sym"] === "symbol")
		return v["@@ly:sym"];
}
/* k6's engine's words when it is not */
function thisSymbol(v, words) {
	if ((v = key(v)) === undefined)
		throw new TypeError(words || "Value is not a Symbol");
	return v;
}
/* description, read from the key: a symbol reads String.prototype, so
 * that gets the getter too (undefined for other strings); a symbol made
 * without a description cannot be told from Symbol("") and gives
 * undefined. */
function description(s) {
	var m;
	s = s.slice(S.length);
	/* "DESC:N" made, "KEY:" from Symbol.for, "Symbol.NAME" well-known */
	if ((m = /:([0-9]*)$/.exec(s)))
		s = s.slice(0, m.index);
	return s === "" && m && m[1] ? undefined : s;
}
Object.defineProperty(Symbol.prototype, "description", { get: function () {
	return description(thisSymbol(this));
}, configurable: true });
/* the getter's "this" is the String object of the value read */
Object.defineProperty(G.String.prototype, "description", { get: function () {
	var v = valueOf.call(this);
	return typeof v === "symbol" ? description(v) : undefined;
}, configurable: true });
rt.def(Symbol.prototype, "toString", function toString() {
	return String(thisSymbol(this, "Method Symbol.prototype.toString " +
	    "is called on incompatible receiver"));
});
rt.def(Symbol.prototype, "valueOf", function valueOf() {
	return thisSymbol(this, "Symbol.prototype.valueOf requires that " +
	    "'this' be a Symbol");
});
Object.defineProperty(Symbol.prototype, Symbol.toPrimitive, {
	value: function (hint) { return thisSymbol(this); }, configurable: true });
Object.defineProperty(Symbol.prototype, Symbol.toStringTag, {
	value: "Symbol", configurable: true });
rt.def(G, "Symbol", Symbol);
