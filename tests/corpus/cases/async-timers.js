// node-timing: node under load can fire b0 before a1.
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
const out = [];
async function worker(name, ms) {
  for (let i = 0; i < 3; i++) {
    await sleep(ms);
    out.push(`${name}${i}`);
  }
  return name;
}
(async () => {
  const r = await Promise.all([worker("a", 100), worker("b", 250)]);
  out.push(r.join("+"));
  const first = await Promise.race([sleep(200, "slow"), sleep(2, "fast")]);
  out.push(first);
  const settled = await Promise.allSettled([Promise.reject(new Error("x")), sleep(1, "ok")]);
  out.push(settled.map((s) => s.status).join(","));
  console.log(out.join(" "));
})();
