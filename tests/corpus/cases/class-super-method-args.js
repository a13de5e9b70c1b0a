class A { sum(...xs) { return xs.reduce((a, b) => a + b, 0); } }
class B extends A {
  sum(...xs) { return super.sum(...xs, 100); }
  twice(a) { return super.sum(a, a); }
}
console.log(new B().sum(1, 2), new B().twice(5));
