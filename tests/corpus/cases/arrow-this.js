function Counter() {
  this.count = 0;
  this.incLater = () => { this.count++; return this.count; };
}
const c = new Counter();
c.incLater();
console.log(c.incLater());
const o = {
  name: 'o',
  run() { return [1, 2].map(() => this.name).join('-'); },
};
console.log(o.run());
