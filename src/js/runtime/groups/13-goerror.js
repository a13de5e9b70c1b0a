/* Group 13: GoError, loaded when the global is first read (or when a
 * module throws one: js/modules.c modules_goerror).  k6's engine throws
 * an error of this kind for every error its Go functions return (fail(),
 * a Response's json() of a null body, ...): an Error whose name is
 * "GoError", logged as "GoError: message".
 *
 * Like every group, this file is the body of a function (rt, G, Object)
 * that rt.load() in 10-symbol.js compiles the first time the group is
 * needed; its text is served from C (runtime_groups[]), so a VU that
 * never uses the group never lexes it. */
function GoError(message) {
	if (!(this instanceof GoError))
		return new GoError(message);
	if (message !== undefined)
		Object.defineProperty(this, "message", { value: String(message),
		    writable: true, configurable: true });
}
GoError.prototype = Object.create(Error.prototype);
rt.def(GoError.prototype, "constructor", GoError);
rt.def(GoError.prototype, "name", "GoError");
rt.def(GoError.prototype, "message", "");
rt.def(G, "GoError", GoError);
