class A {
  constructor() { this.v = 'v'; this.bound = this.get.bind(this); }
  get() { return this && this.v; }
}
const a = new A();
const { bound } = a;
console.log(bound());
