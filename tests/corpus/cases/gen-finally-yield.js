function* g() {
  try {
    yield "a";
  } finally {
    yield "in finally";
    console.log("after finally yield");
  }
}
const it = g();
console.log(JSON.stringify(it.next()));
console.log(JSON.stringify(it.return("r")));
console.log(JSON.stringify(it.next()));
console.log(JSON.stringify(it.next()));
