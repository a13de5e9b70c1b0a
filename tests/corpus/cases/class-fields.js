class C {
  a = 1;
  b = this.a + 1;
  static s = 'static';
  arrow = () => this.a;
  constructor() { this.c = this.b + 1; }
}
const c = new C();
console.log(c.a, c.b, c.c, C.s, c.arrow.call(null));
class D extends C {
  d = 'dee';
  constructor() { super(); this.e = this.d + this.c; }
}
const d = new D();
console.log(d.a, d.d, d.e);
