// lyjs-only: k6's engine's words for errors a symbol takes part in (node
// words them differently).
const s = Symbol("abc");
const o = null;
function t(name, f) {
	try {
		f();
		console.log(name, "no error");
	} catch (e) {
		console.log(name, String(e));
	}
}
t("spread", () => [...s]);
t("for-of", () => { for (const c of s) void c; });
t("member of null", () => o[s]);
t("not a function", () => s());
t("keyFor", () => Symbol.keyFor("k"));
t("Symbol.prototype.toString", () => Symbol.prototype.toString.call("k"));
t("Symbol.prototype.description", () => Symbol.prototype.description);
t("Symbol.prototype.valueOf", () => Symbol.prototype.valueOf.call({}));
