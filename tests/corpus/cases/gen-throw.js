function* g() {
  while (true) {
    try {
      yield "waiting";
    } catch (e) {
      console.log("caught", e);
      if (e === "stop") return "stopped";
    }
  }
}
const it = g();
it.next();
console.log(JSON.stringify(it.throw("x")));
console.log(JSON.stringify(it.throw("stop")));
try {
  it.throw("after");
} catch (e) {
  console.log("rethrown", e);
}
const fresh = g();
try {
  fresh.throw(new Error("early"));
} catch (e) {
  console.log("not started:", e.message, JSON.stringify(fresh.next()));
}
