class A {
  static create() { return new this(); }
  static get tag() { return 'A-tag'; }
  who() { return 'A'; }
}
class B extends A { who() { return 'B'; } }
console.log(B.create().who(), B.tag, A.create().who());
