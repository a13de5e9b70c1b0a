// await and yield in class extends clauses and computed keys: evaluated in
// order where the class stands; methods and fields stay functions.
const tick = (v) => Promise.resolve(v);
async function main() {
  class A {
    [await tick('m')]() { return 'method m'; }
    static [await tick('s')] = 'static field';
    [await tick('f')] = 'field';
    get [await tick('g')]() { return 'getter'; }
  }
  const a = new A();
  console.log(a.m(), A.s, a.f, a.g);
  const B = class extends (await tick(A)) { [await tick('n')]() { return 'n' + super.m(); } };
  console.log(new B().n());
}
main();
function* g() {
  class C { [yield 'key?']() { return 'ok'; } }
  return new C().k();
}
const it = g();
console.log(JSON.stringify([it.next(), it.next('k')]));
const order = [];
const note = (v) => (order.push(v), v);
async function ordered() {
  class D {
    [note('a')]() {}
    [await note('b')]() {}
    [note('c')] = 1;
    static [await note('d')]() {}
  }
  return Object.getOwnPropertyNames(D.prototype).sort().join() + ' ' + order.join();
}
ordered().then(console.log);
