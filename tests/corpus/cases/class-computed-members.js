const name = 'dyn';
class A {
  [name]() { return 'dynamic'; }
  ['x' + 1] = 5;
  static ['s' + name]() { return 'static dyn'; }
}
console.log(new A().dyn(), new A().x1, A.sdyn());
