/* Group 12: WeakRef and FinalizationRegistry, loaded when one of these
 * globals is first read.  mujs cannot tell a program when an object is
 * collected, so a WeakRef holds its target as long as the WeakRef lives
 * and a registry's callbacks never run, which the language allows (an
 * engine need not ever collect an object).
 *
 * Like every group, this file is the body of a function (rt, G, Object)
 * that rt.load() in 10-symbol.js compiles the first time the group is
 * needed; its text is served from C (runtime_groups[]), so a VU that
 * never uses the group never lexes it. */
var h = rt.load(7), T = "@@ly:wr", R = "@@ly:fr";
function target(v, what) {
	if (!h.isObj(v))
		throw new TypeError(what + ": invalid target");
	return v;
}
function WeakRef(t) {
	if (!(this instanceof WeakRef))
		throw new TypeError("Constructor WeakRef requires 'new'");
	Object.defineProperty(this, T, { value: target(t, "WeakRef") });
}
rt.def(WeakRef.prototype, "deref", function deref() {
	if (!h.isObj(this) || !(T in this))
		throw new TypeError("WeakRef.prototype.deref called on incompatible receiver");
	return this[T];
});
function FinalizationRegistry(cb) {
	if (!(this instanceof FinalizationRegistry))
		throw new TypeError("Constructor FinalizationRegistry requires 'new'");
	h.fn(cb);
	Object.defineProperty(this, R, { value: [] });
}
rt.def(FinalizationRegistry.prototype, "register", function register(t, held, token) {
	target(t, "FinalizationRegistry.prototype.register");
	if (t === held)
		throw new TypeError("FinalizationRegistry.prototype.register: target and holdings must not be same");
	if (token !== undefined && !h.isObj(token))
		throw new TypeError("Invalid unregisterToken ('" + String(token) + "')");
	if (token !== undefined)
		this[R].push(token);
});
rt.def(FinalizationRegistry.prototype, "unregister", function unregister(token) {
	if (!h.isObj(token))
		throw new TypeError("Invalid unregisterToken ('" + String(token) + "')");
	var l = this[R], i, found = false;
	for (i = l.length - 1; i >= 0; i--)
		if (l[i] === token) {
			l.splice(i, 1);
			found = true;
		}
	return found;
});
h.tag(WeakRef.prototype, "WeakRef");
h.tag(FinalizationRegistry.prototype, "FinalizationRegistry");
rt.def(G, "WeakRef", WeakRef);
rt.def(G, "FinalizationRegistry", FinalizationRegistry);
