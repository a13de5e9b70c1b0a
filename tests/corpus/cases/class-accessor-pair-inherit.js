class Base {
  #v = 0;
  get v() { return this.#v; }
  set v(x) { this.#v = x; }
}
class Der extends Base {}
const d = new Der();
d.v = 9;
console.log(d.v);
