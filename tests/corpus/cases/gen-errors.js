function* g() {
  yield 1;
  throw new Error("from gen");
}
const it = g();
it.next();
try {
  it.next();
} catch (e) {
  console.log(e.message);
}
console.log(JSON.stringify(it.next()));
function* self() {
  try {
    it2.next();
  } catch (e) {
    yield e instanceof TypeError;
  }
}
const it2 = self();
console.log(JSON.stringify(it2.next()));
function* nested() {
  try {
    try {
      yield 1;
      throw "inner";
    } finally {
      console.log("inner finally");
    }
  } catch (e) {
    console.log("outer caught", e);
  }
  return "ok";
}
console.log([...nested()].join(), JSON.stringify(nested().next()));
