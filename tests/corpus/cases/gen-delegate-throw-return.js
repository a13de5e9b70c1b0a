function* inner() {
  try {
    yield 1;
    yield 2;
  } catch (e) {
    console.log("inner caught", e);
    yield "recovered";
  } finally {
    console.log("inner finally");
  }
}
function* outer() {
  try {
    yield* inner();
  } finally {
    console.log("outer finally");
  }
}
let it = outer();
console.log(JSON.stringify(it.next()));
console.log(JSON.stringify(it.throw("E")));
console.log(JSON.stringify(it.next()));
it = outer();
it.next();
console.log(JSON.stringify(it.return("R")));
