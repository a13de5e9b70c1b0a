// Runtime errors whose words node and k6's engine share: the name and the
// message a script logs or checks.
function attempt(title, f) {
  try {
    console.log(title, "->", f());
  } catch (e) {
    console.log(title, "->", e.name + ": " + e.message);
  }
}
var u, n = null;
attempt("undefined variable", () => nosuch);
attempt("undefined function", () => nosuchfn(1));
attempt("undefined in a chain", () => nosuchobj.a.b);
attempt("typeof of one", () => typeof nosuch);
attempt("const", () => { const c = 1; c = 2; return c; });
attempt("const compound", () => { const c = 1; c += 2; return c; });
attempt("new Array(-1)", () => new Array(-1));
attempt("new Array(1.5)", () => new Array(1.5));
attempt("length = -1", () => { const a = [1]; a.length = -1; return a; });
attempt("Object.keys(undefined)", () => Object.keys(undefined));
attempt("Object.keys(null)", () => Object.keys(n));
attempt("Object.entries(undefined)", () => Object.entries(u));
attempt("delete of undefined", () => delete u.x);
attempt("delete of null", () => delete n[0]);
attempt("caught and read again", () => {
  try { return u.x; } catch (e) { return e instanceof TypeError; }
});
