function* g() {
  try {
    yield 1;
    yield 2;
  } finally {
    console.log("cleanup");
  }
  console.log("never");
}
const it = g();
console.log(JSON.stringify(it.next()));
console.log(JSON.stringify(it.return(42)));
console.log(JSON.stringify(it.next()));
const it2 = g();
console.log(JSON.stringify(it2.return(1)));
