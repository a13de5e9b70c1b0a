// Function.prototype.toString gives the source text of every form.
function show(label, f) { console.log(label + ": " + String(f)); }

function decl(a, b) { return a + b; }
show("declaration", decl);
var expr = function (x) { return x; };
show("expression", expr);
var named = function inner(y) {
  return inner;
};
show("named expression", named);
show("arrow no parens", x => x * 2);
show("arrow parens", (a, b) => a - b);
show("arrow block", (a) => { return a; });
show("arrow no params", () => {});
show("async function", async function af(x) { await x; });
show("async arrow", async x => await x);
show("async arrow parens", async (x, y) => { await x; return y; });
function* gen() { yield 1; yield 2; }
show("generator", gen);
async function* agen(n) { for (let i = 0; i < n; i++) yield i; }
show("async generator", agen);
class Plain { m() { return 1 } }
show("class", Plain);
class WithCtor {
  constructor(a) {
    this.a = a;
  }
  static make() { return new WithCtor(1); }
  get value() { return this.a; }
  set value(v) { this.a = v; }
}
show("class with constructor", WithCtor);
show("method", Plain.prototype.m);
show("static method", WithCtor.make);
var desc = Object.getOwnPropertyDescriptor(WithCtor.prototype, "value");
show("getter", desc.get);
show("setter", desc.set);
class Sub extends Plain { constructor() { super(); } other() { return super.m(); } }
show("class extends", Sub);
show("subclass method", Sub.prototype.other);
class NoCtorSub extends Sub {}
show("class extends without constructor", NoCtorSub);
var Anon = class { f() {} };
class Fields { f = () => 1; static s = function () {}; }
show("field arrow", new Fields().f);
show("static field function", Fields.s);
show("class expression", Anon);
var obj = {
  method(a) { return a; },
  async am() {},
  *gm() { yield 1; },
  ['comp' + 'uted'](z) { return z; },
  get g() { return 1; },
  prop: function () { return "p"; },
  arrow: () => "a",
};
show("object method", obj.method);
show("async method", obj.am);
show("generator method", obj.gm);
show("computed method", obj.computed);
show("object getter", Object.getOwnPropertyDescriptor(obj, "g").get);
show("property function", obj.prop);
show("property arrow", obj.arrow);
show("defaults", function (a = 1, { b, c } = {}, ...rest) { return a + b + c + rest.length; });
show("destructured arrow", ({ p, q }, [r, s]) => p + q + r + s);
var t = `before ${String(function inTemplate() { return `${1}`; })} after`;
console.log(t);
show("unicode and comments", function ünïcode(/* a comment */ x) {
  // a line comment with }
  var s = "}{ \u00e9 😀";
  return s + x; /* trailing */
});
var pair = [function () { return 1; }, function () { return 2; }];
show("same line 1", pair[0]);
show("same line 2", pair[1]);
show("nested", function outer() { return function innerFn() { return () => 3; }; }()());
show("new Function", new Function("a", "b", "return a + b"));
show("new Function no params", new Function("return 1"));
show("Math.max", Math.max);
show("Array.prototype.map", Array.prototype.map);
show("Function.prototype.toString", Function.prototype.toString);
show("bound", decl.bind(null, 1));
show("bound arrow", (() => 1).bind(null));
console.log(Function.prototype.toString.call(decl) === decl.toString());
console.log(/^class\b/.test(Function.prototype.toString.call(Plain)));
console.log(/^class\b/.test(Function.prototype.toString.call(decl)));
var native = /\[native code\]/;
console.log(native.test(String(Math.max)), native.test(String(decl)));
try {
  Function.prototype.toString.call({});
} catch (e) {
  console.log(e instanceof TypeError);
}
