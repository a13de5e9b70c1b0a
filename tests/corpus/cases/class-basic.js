class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  sum() { return this.x + this.y; }
  toString() { return `(${this.x}, ${this.y})`; }
  static origin() { return new Point(0, 0); }
}
const p = new Point(1, 2);
console.log(p.sum(), String(p), Point.origin().sum());
console.log(typeof Point, p instanceof Point, p.constructor === Point);
console.log(Object.keys(p).join(','));
