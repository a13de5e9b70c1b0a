// super in a generator method, under a yield*
class Base {
  *keys() { yield* super.constructor === Base ? ["ok"] : ["no"]; }
}
console.log([...new Base().keys()].join());
class A {
  m() { return super.toString === Object.prototype.toString; }
  static s() { return super.call === Function.prototype.call; }
  async am() { await 0; return super.hasOwnProperty('x'); }
}
console.log(new A().m(), A.s());
new A().am().then((v) => console.log('async', v));
