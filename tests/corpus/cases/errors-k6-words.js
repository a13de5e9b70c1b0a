// lyjs-only
// Runtime errors in the words of k6's engine (grafana/sobek, a goja:
// vm.go, object.go, runtime.go, value.go), which are not node's: the
// message a script logs or checks, and the error line k6 prints.
function attempt(title, f) {
  try {
    console.log(title, "->", f());
  } catch (e) {
    console.log(title, "->", e.name + ": " + e.message);
  }
}
var u, n = null, o = { a: 1, b: {}, c: { d: {} } }, k = "key", one = 1;
var data = { metrics: { http_reqs: { values: { count: 3 } } } };
const res = { json() { return { data: undefined }; }, body: null };
attempt("read of undefined", () => u.status);
attempt("read of null", () => n.status);
attempt("index of undefined", () => u[0]);
attempt("computed of undefined", () => u[k]);
attempt("deep chain", () => data.metrics.nosuch.values.count);
attempt("deep chain, later", () => data.metrics.http_reqs.nosuch.count);
attempt("chain after a call", () => res.json().data.id);
attempt("chain through null", () => res.body.length);
attempt("two reads on a line", () => o.c.d.e + u.f);
attempt("method of undefined", () => u.foo());
attempt("computed method of undefined", () => u[k]());
attempt("missing method", () => o.foo());
attempt("missing method in a chain", () => o.c.d.bar(1, 2));
attempt("missing method of a string", () => "abc".nosuch());
attempt("property not a function", () => o.a());
attempt("object not a function", () => o.b());
attempt("number not a function", () => one());
attempt("undefined not a function", () => { var f; return f(); });
attempt("null not a function", () => n());
attempt("new of a number", () => new one());
attempt("new of an object", () => new o.b());
attempt("write to undefined", () => { u.x = 1; });
attempt("write to null", () => { n[k] = 1; });
attempt("in of a number", () => "a" in one);
attempt("instanceof a number", () => o instanceof one);
attempt("instanceof an object", () => o instanceof o.b);
attempt("read-only, strict", () => { "use strict"; const f = Object.freeze({ a: 1 }); f.a = 2; });
attempt("undeclared assignment, strict", () => { "use strict"; undeclared = 1; });
attempt("destructuring undefined", () => { const { a } = u; return a; });
attempt("for-of undefined", () => { for (const x of u) return x; });
attempt("for-of a number", () => { for (const x of one) return x; });
attempt("extends a number", () => { class C extends one {} return C; });
attempt("let before its declaration", () => { const r = later; let later = 1; return r; });
// Array methods' callbacks (sobek's toCallable, reduce's own check),
// reduce of nothing, JSON of a cycle, adding to a frozen object.
attempt("forEach of undefined", () => [1].forEach(undefined));
attempt("map of a number", () => [1].map(1));
attempt("some of null", () => [1].some(null));
attempt("reduce of undefined", () => [1].reduce(undefined));
attempt("reduceRight of a string", () => [1].reduceRight("x"));
attempt("reduce of nothing", () => [].reduce((a, b) => a + b));
const cyclic = { a: 1 };
cyclic.self = cyclic;
attempt("JSON of a cycle", () => JSON.stringify(cyclic));
attempt("add to a frozen object", function () { "use strict"; Object.freeze(o).z = 1; });
