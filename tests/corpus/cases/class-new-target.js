class Shape {
  constructor() {
    if (new.target === Shape) throw new TypeError('abstract');
    this.kind = new.target === Sq ? 'Sq' : 'other';
  }
}
class Sq extends Shape {}
try { new Shape(); } catch (e) { console.log(e.message); }
console.log(new Sq().kind);
