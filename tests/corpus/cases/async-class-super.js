class Base {
  async value() { return 1; }
}
class Derived extends Base {
  async value() {
    const b = await super.value();
    return b + 1;
  }
  *keys() { yield* super.constructor === Base ? ["ok"] : ["no"]; }
}
new Derived().value().then((v) => console.log("derived", v));
console.log([...new Derived().keys()].join());
