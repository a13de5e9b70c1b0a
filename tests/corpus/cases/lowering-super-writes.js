// Writes of super members, as the compiler writes them when it places
// k6's columns: setters run with this, operator assignments, ++, --,
// logical assignments and destructuring targets read and write once.
const log = [];
class A {
  get x() { log.push('get'); return this._x ?? 1; }
  set x(v) { log.push('set ' + v); this._x = v; }
}
const k = 'x';
function g(v) { log.push('g ' + v); return v; }
class B extends A {
  run() {
    const r = [];
    r.push(super.x = g(2));
    r.push(super.x += g(3));
    r.push(super[k] *= 2);
    r.push(super.x++, super.x);
    r.push(--super[k]);
    r.push(super.x ||= g(9));
    super._x = 0;
    r.push(super.x ||= g(4));
    r.push(super.x &&= 7);
    super.y ??= g(5);
    [super.x, super.y] = [g(6), 8];
    ({a: super[k] = g(10)} = {});
    return [r, this.y, this._x];
  }
}
console.log(JSON.stringify(new B().run()), log.join());
