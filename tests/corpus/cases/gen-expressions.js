function* g() {
  const arr = [yield "a", yield "b"];
  console.log("arr", arr.join("|"));
  const obj = { x: yield "c", [yield "k"]: 1 };
  console.log("obj", JSON.stringify(obj));
  console.log("call", Math.max(yield "m1", yield "m2"));
  const t = `t:${yield "t"}!`;
  console.log(t);
  const c = (yield "cond") ? yield "yes" : "no";
  console.log("c", c);
  const l = (yield "l1") || (yield "l2");
  console.log("l", l);
  let n = 1;
  n += yield "plus";
  console.log("n", n);
  const o = { v: 1 };
  o.v *= yield "mul";
  console.log("o.v", o.v);
  console.log("seq", (yield "s1", yield "s2"));
  console.log("typeof", typeof (yield "ty"));
}
const it = g();
let r = it.next(), i = 0;
const log = [];
while (!r.done) {
  log.push(r.value);
  r = it.next(r.value === "l1" ? 0 : r.value === "cond" ? true : i++);
}
console.log(log.join(","));
