const e = new Error("outer", { cause: "why" });
console.log(e.cause, JSON.stringify(Object.keys(e)), "cause" in new Error("x"), "cause" in new Error("x", {}), "cause" in new Error("x", 5));
const t = TypeError("t", { cause: undefined });
console.log(t instanceof TypeError, "cause" in t, t.cause, Object.getOwnPropertyDescriptor(t, "cause").enumerable);
for (const C of [EvalError, RangeError, ReferenceError, SyntaxError, URIError])
	console.log(C.name, new C("m", { cause: 1 }).cause, new C("m").message, C.length);
const a = new AggregateError([1], "agg", { cause: e });
console.log(a.cause === e, a.message, JSON.stringify(a.errors));
try { null.x; } catch (err) { console.log(err instanceof TypeError, "cause" in err); }
for (const x of [0, 0.5, 1, -2, 10, 1e-10, 710, Infinity, -Infinity, NaN])
	console.log(x, Math.sinh(x), Math.cosh(x), Math.tanh(x), Math.asinh(x), Math.acosh(x), Math.atanh(x / 20));
console.log(Math.sinh.name, Math.sinh.length, Math.trunc.name, Number.isInteger.name, Math.log2.name);
console.log(String.prototype.trimLeft === String.prototype.trimStart, String.prototype.trimRight === String.prototype.trimEnd, "  a ".trimLeft() + "|", "|" + " a  ".trimRight());
