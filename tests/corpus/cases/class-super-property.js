class A { greet() { return 'A'; } get val() { return 1; } }
class B extends A {
  greet() { const f = () => super.greet(); return f() + 'B'; }
}
console.log(new B().greet(), new B().val);
