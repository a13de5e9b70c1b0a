// An error inside a state machine, after its first states: it is
// reported, and what the machine had built is freed (the fuzzer checks).
function* g() {
  yield 1;
  return super.x;
}
console.log([...g()]);
