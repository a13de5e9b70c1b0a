function Thing() {
  if (!new.target) return 'called';
  this.made = new.target === Thing;
}
console.log(Thing(), new Thing().made);
class Base {
  constructor() { this.kind = new.target === Base ? 'base' : 'derived'; }
}
class Derived extends Base {}
console.log(new Base().kind, new Derived().kind);
const arrowInside = function Outer() { return (() => new.target === Outer)(); };
console.log(new arrowInside() instanceof arrowInside, arrowInside());
