const log = (...a) => console.log(...a);
async function f(x) {
  log("f start", x);
  const v = await x;
  log("f after await", v);
  return v * 2;
}
async function g() {
  try {
    await Promise.reject(new Error("bad"));
  } catch (e) {
    log("caught", e.message);
  } finally {
    log("fin");
  }
  return "g done";
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
log("sync 1");
f(21).then((v) => log("f ->", v));
g().then((v) => log(v));
Promise.resolve().then(() => log("micro 1")).then(() => log("micro 2")).then(() => log("micro 3"));
queueMicrotask(() => log("qm"));
setTimeout(() => log("timeout 0"), 0);
(async () => {
  await sleep(10);
  log("slept 10");
  for (const x of [1, 2, 3]) {
    await sleep(1);
    log("loop", x);
  }
})();
const o = { async m() { return this.k; }, k: 7 };
o.m().then(log);
class C { static async s(a) { return a + 1; } async i() { return await C.s(1); } }
new C().i().then((v) => log("class", v));
log("sync 2");
