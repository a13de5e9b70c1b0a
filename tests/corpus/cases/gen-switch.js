function* g(x) {
  switch (x) {
    case 1:
      yield "one";
    case 2:
      yield "two";
      break;
    default:
      yield "other";
  }
  switch (yield "disc") {
    case "a": yield "got a"; break;
    case "b": return "got b";
  }
  yield "end";
}
console.log([...g(1)].join(","), [...g(2)].join(","), [...g(3)].join(","));
const it = g(9);
it.next(); it.next();
console.log(JSON.stringify(it.next("b")));
