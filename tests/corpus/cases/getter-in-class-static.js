class A {
  static #n = 0;
  static next() { return ++A.#n; }
}
console.log(A.next(), A.next());
