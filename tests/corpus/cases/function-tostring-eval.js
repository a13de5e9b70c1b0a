// lyjs-only: functions that eval code or a Function constructor body
// define have no source text kept (node gives it); they must not read as
// built-ins, which libraries take "[native code]" for.
var texts = [
  eval("(function evaled(x) { return x; })"),
  new Function("return function inner(a) { return a; }")(),
  new Function("a = 1", "return () => a")(),
  new Function("{ b }", "return function () { return b; }")({ b: 1 }),
].map(String);
texts.forEach(function (s) {
  console.log(s.indexOf("[native code]") < 0, /^function /.test(s));
});
console.log(String(new Function("a = 1", "return a")));
