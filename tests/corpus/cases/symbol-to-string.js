// A symbol converts to a string and a number as the language says:
// String() and toString give "Symbol(desc)", + and templates and the
// arithmetic operators throw a TypeError, a symbol is not iterable, and
// Object(s) is a Symbol object.  (Messages of the iteration errors are
// the engine's own: k6's says "object is not iterable".)
const s = Symbol("abc");
const u = Symbol(), r = Symbol.for("app");
function show(v) {
	if (typeof v === "symbol")
		return "symbol " + v.description;
	if (typeof v === "string")
		return JSON.stringify(v);
	if (Array.isArray(v))
		return "[" + v.map(show).join(", ") + "]";
	return typeof v + " " + v;
}
function t(name, f, quiet) {
	try {
		console.log(name, show(f()));
	} catch (e) {
		console.log(name, "throws", e.name, quiet ? "" : e.message);
	}
}
t("String", () => String(s));
t("String empty", () => String(u));
t("String for", () => String(r));
t("String well-known", () => String(Symbol.iterator));
t("toString", () => s.toString());
t("toString well-known", () => Symbol.asyncIterator.toString());
t("proto toString", () => Symbol.prototype.toString.call(s));
t("proto toString object", () => Symbol.prototype.toString.call(Object(s)));
t("concat left", () => "" + s);
t("concat right", () => s + "");
t("concat words", () => "key " + s + " here");
t("template", () => `${s}`);
t("template words", () => `a${s}b`);
t("template object", () => `${Object(s)}`);
t("spread", () => [...s], true);
t("Array.from", () => Array.from(s));
t("for-of", () => { for (const c of s) return c; }, true);
t("destructure", () => { const [c] = s; return c; }, true);
t("instanceof", () => Object(s) instanceof Symbol);
t("new Object", () => new Object(s) instanceof Symbol);
t("typeof Object", () => typeof Object(s));
t("Object valueOf", () => Object(s).valueOf() === s);
t("Object description", () => Object(s).description);
t("Object toString", () => Object(s).toString());
t("Object == s", () => Object(s) == s);
t("valueOf", () => s.valueOf() === s);
t("Object.prototype.toString", () => Object.prototype.toString.call(s));
t("Object.prototype.toString object", () => Object.prototype.toString.call(Object(s)));
t("toStringTag", () => Symbol.prototype[Symbol.toStringTag]);
t("String(Object(s))", () => String(Object(s)));
t("plus number", () => s + 1);
t("number plus", () => 1 + s);
t("times", () => s * 1);
t("minus", () => s - 1);
t("unary plus", () => +s);
t("unary minus", () => -s);
t("increment", () => { let v = s; v++; return v; });
t("Number", () => Number(s));
t("new Symbol", () => new Symbol());
t("new Symbol desc", () => new Symbol("x"));
t("keyFor", () => Symbol.keyFor(r));
t("keyFor made", () => Symbol.keyFor(s));
t("keyFor string", () => Symbol.keyFor("app"));
t("for same", () => Symbol.for("app") === r);
t("description", () => s.description);
t("description empty", () => u.description);
t("description for", () => r.description);
t("description getter", () => typeof Object.getOwnPropertyDescriptor(Symbol.prototype, "description").get);
t("== number", () => s == 1);
t("== true", () => s == true);
t("== itself", () => s == s);
t("=== itself", () => s === s);
t("JSON array", () => JSON.stringify([s]));
t("JSON object", () => JSON.stringify({ a: s, [s]: 1, b: 2 }));
t("compare number", () => s < 1);
t("compare string", () => "a" < s);
t("bitwise", () => s | 0);
t("shift", () => s >>> 0);
t("String.raw", () => String.raw`x${s}`);
t("spread into object", () => Object.keys({ ...s }));
t("boolean", () => !!s && Boolean(s));
t("key", () => ({ [s]: 7 })[s]);
t("key name", () => ({ [s]() {} })[s].name);
t("computed keys", () => Object.getOwnPropertySymbols({ [s]: 1, [r]: 2 }).map(String));
t("map keys", () => [...new Map([[s, 1]]).keys()].map((k) => k.toString()));
console.log(s);
