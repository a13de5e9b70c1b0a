// super.x = v assigns to this (running a setter of the parent with this),
// and the compound forms read through super first.
class Base {
  constructor() { this.log = []; }
  set size(v) { this.log.push("set size " + v); this._size = v; }
  get size() { return this._size === undefined ? 1 : this._size; }
  get fixed() { return 42; }
  get who() { return this.name; }
}
Base.prototype.count = 10;
Base.prototype.name = "base";

class Derived extends Base {
  constructor() {
    super();
    this.name = "derived";
  }
  run() {
    super.count = 5;
    const own = Object.prototype.hasOwnProperty.call(this, "count");
    super.size = 3;
    super.size += 4;
    super["count"] *= 2;
    const k = "co" + "unt";
    super[k] -= 1;
    super.extra ??= "first";
    super.extra ??= "second";
    super.missing ||= "filled";
    super.count &&= super.count + 100;
    super.count **= 1;
    const before = super.count++;
    const pre = ++super.count;
    [super.a, super.b] = [1, 2];
    ({ c: super.c } = { c: 3 });
    return [own, this.count, Base.prototype.count, this._size, this.extra,
      this.missing, before, pre, this.a, this.b, this.c, super.who].join(" ");
  }
  readonly() {
    try {
      super.fixed = 1;
      return "no error";
    } catch (e) {
      return "TypeError " + (e instanceof TypeError);
    }
  }
  static configure() {
    super.defaults = { retries: 3 };
    return Object.prototype.hasOwnProperty.call(Derived, "defaults") &&
      !Object.prototype.hasOwnProperty.call(Base, "defaults");
  }
}

const d = new Derived();
console.log(d.run());
console.log(d.log.join(", "));
console.log(d.readonly());
console.log(Derived.configure(), Derived.defaults.retries);

// In object literal methods, super is the object's prototype.
const proto = {
  set title(v) { this.seen = "proto setter " + v; },
  greet() { return "hi " + this.name; },
};
const obj = {
  __proto__: proto,
  name: "obj",
  rename(v) {
    super.title = v;
    super.name = v;
    const arrow = () => { super.tag = "from arrow"; };
    arrow();
    return super.greet();
  },
};
console.log(obj.rename("new"), obj.seen, obj.tag, proto.name);
