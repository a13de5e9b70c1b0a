class Animal {
  constructor(name) { this.name = name; }
  speak() { return this.name + ' makes a sound'; }
  static kind() { return 'animal'; }
}
class Dog extends Animal {
  constructor(name) {
    super(name);
    this.tricks = 0;
  }
  speak() { return super.speak() + ' (woof)'; }
  static kind() { return 'dog < ' + super.kind(); }
}
const d = new Dog('rex');
console.log(d.speak(), Dog.kind(), d instanceof Animal, d instanceof Dog, d.tricks);
class Puppy extends Dog {}
const p = new Puppy('bit');
console.log(p.speak(), p instanceof Animal, Puppy.kind());
