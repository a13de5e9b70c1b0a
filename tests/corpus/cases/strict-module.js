// ES modules are strict code.
function attempt(title, f) {
  try {
    console.log(title, "->", f());
  } catch (e) {
    console.log(title, "-> threw", e.name);
  }
}
console.log("top-level this", this);
attempt("this in a plain call", function () { return this; });
attempt("this of a detached method", () => {
  const o = { m() { return this; } };
  const m = o.m;
  return m();
});
attempt("assignment to an undeclared name", () => { undeclaredName = 1; return typeof undeclaredName; });
attempt("read-only property", () => {
  const o = {};
  Object.defineProperty(o, "x", { value: 1 });
  o.x = 2;
  return o.x;
});
attempt("getter-only property", () => {
  const o = { get x() { return 1; } };
  o.x = 2;
  return o.x;
});
attempt("frozen object", () => {
  const o = Object.freeze({ a: 1 });
  o.b = 2;
  return o.b;
});
attempt("non-configurable delete", () => {
  const o = {};
  Object.defineProperty(o, "x", { value: 1 });
  return delete o.x;
});
attempt("arguments do not follow parameters", () => {
  function f(a) { a = 2; return arguments[0]; }
  return f(1);
});
attempt("primitive this stays primitive", () => {
  function f() { return typeof this; }
  return f.call(5);
});
attempt("string index", () => {
  const s = "abc";
  s[0] = "x";
  return s;
});
attempt("writable property still works", () => {
  const o = { a: 1 };
  o.a = 2;
  delete o.a;
  return JSON.stringify(o);
});
export {};
