const log = [];
class A {
  x = (log.push('A.x'), 1);
  constructor() { log.push('A.ctor'); }
}
class B extends A {
  y = (log.push('B.y'), 2);
  constructor() { log.push('B.before'); super(); log.push('B.after'); }
}
new B();
console.log(log.join(' '));
