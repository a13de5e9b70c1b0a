class Cfg {
  static #v = 1;
  static get v() { return Cfg.#v; }
  static set v(x) { Cfg.#v = x * 10; }
}
Cfg.v = 4;
console.log(Cfg.v);
