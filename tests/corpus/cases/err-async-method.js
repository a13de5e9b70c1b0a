class A {
  async m() {}
}
