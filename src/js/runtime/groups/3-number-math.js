/* Group 3: the ES2015+ Number and Math functions, loaded when the global
 * Number or Math is first read.  The functions themselves are C
 * (js/builtins.c), made on first use; here are what must be the very
 * objects of the global object (Number.parseFloat is parseFloat) and
 * the constants.
 *
 * Like every group, this file is the body of a function (rt, G, Object)
 * that rt.load() in 10-symbol.js compiles the first time the group is
 * needed; its text is served from C (runtime_groups[]), so a VU that
 * never uses the group never lexes it. */
/* The built-ins themselves, even if the script assigned the globals
 * first (they read so while the group loads). */
var Math = G.Math, Number = G.Number;
rt.def(Number, "parseFloat", parseFloat);
rt.def(Number, "parseInt", parseInt);
Object.defineProperty(Number, "EPSILON", { value: 2.220446049250313e-16 });
Object.defineProperty(Number, "MAX_SAFE_INTEGER", { value: 9007199254740991 });
Object.defineProperty(Number, "MIN_SAFE_INTEGER", { value: -9007199254740991 });
rt.def(G, "Number", Number);
rt.def(G, "Math", Math);
