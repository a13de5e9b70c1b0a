// Using a let, const or class binding before its declaration throws
// ReferenceError, as node does; after it, nothing changes.  (The message
// is k6's engine's, not node's: see errors-k6-words.js.)
function attempt(title, f) {
  try {
    console.log(title, "->", f());
  } catch (e) {
    console.log(title, "->", e instanceof ReferenceError, e.name);
  }
}

attempt("read before let", () => { const r = x; let x = 1; return r; });
attempt("write before let", () => { x = 2; let x = 1; return x; });
attempt("compound before let", () => { x += 2; let x = 1; return x; });
attempt("update before let", () => { x++; let x = 1; return x; });
attempt("typeof before let", () => { const t = typeof x; let x = 1; return t; });
attempt("read before const", () => { const r = k * 2; const k = 3; return r; });
attempt("write before const", () => { k = 5; const k = 3; return k; });
attempt("own initialiser", () => { let y = y + 1; return y; });
attempt("class before declaration", () => { const o = new C(); class C {} return o; });
attempt("destructuring before", () => { [a] = [1]; let a; return a; });
attempt("value of a destructuring", () => { const { p = 1 } = { q: p }; return p; });
attempt("earlier names of a pattern", () => { const { a = 1, b = a + 1, c = b * 2 } = {}; return [a, b, c].join(); });
attempt("after declaration", () => { let v = 1; v += 1; return v; });
attempt("undeclared typeof", () => typeof notDeclaredAnywhere);
attempt("shadowed outer", () => { const z = 1; { const r = z; { let z = 2; return r + z; } } });
attempt("inner shadow in TDZ", () => { const z = 1; { const r = z; let z = 2; return r; } });
attempt("right-hand side first", () => { let log = []; try { w = (log.push("rhs"), 1); } catch (e) { log.push(e.name); } let w; return log.join(); });
