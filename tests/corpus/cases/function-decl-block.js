function outer() {
  if (true) {
    function inner() { return 'inner'; }
    return inner();
  }
}
console.log(outer());
