const out = [];
const thenable = { then(res) { out.push("thenable.then"); res("T"); } };
async function f() {
  out.push("v " + (await 1));
  out.push("t " + (await thenable));
  out.push("p " + (await Promise.resolve("P")));
  out.push("n " + (await null));
  return Promise.resolve("returned promise");
}
f().then((v) => out.push("result " + v));
Promise.resolve().then(() => out.push("m1")).then(() => out.push("m2")).then(() => out.push("m3")).then(() => out.push("m4")).then(() => out.push("m5")).then(() => out.push("m6")).then(() => out.push("m7")).then(() => out.push("m8"));
setTimeout(() => console.log(out.join("\n")), 0);
