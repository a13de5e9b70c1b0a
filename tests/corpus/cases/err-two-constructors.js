class A {
  constructor() {}
  constructor(x) {}
}
