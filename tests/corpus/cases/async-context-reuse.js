// Async calls whose bodies have ended lend their contexts to later calls:
// many at once, in turns, with and without awaits, throws, trys, recursion.
const log = [];
async function step(tag, n) {
  for (let i = 0; i < n; i++) await null;
  return tag + n;
}
async function none(x) {
  return x * 2;
}
async function quiet(x) {
  log.push("q" + x);
}
async function thrower(x) {
  await x;
  throw new Error("e" + x);
}
async function withTry(x) {
  try {
    await x;
    return "t" + x;
  } finally {
    log.push("f" + x);
  }
}
async function depth(n) {
  return n === 0 ? 0 : 1 + await depth(n - 1);
}
async function main() {
  const ps = [];
  for (let i = 0; i < 40; i++)
    ps.push(step("s", i % 5), none(i), thrower(i).catch((e) => e.message),
        withTry(i), quiet(i));
  const all = await Promise.all(ps);
  console.log(all.join(","));
  let s = 0;
  for (let i = 0; i < 50; i++)
    s += await none(i) + (await step("", 2)).length;
  console.log(s);
  console.log(await depth(20), await depth(5));
  const order = [];
  const a = step("a", 3).then((v) => order.push(v));
  const b = none(1).then((v) => order.push(v));
  const c = step("c", 1).then((v) => order.push(v));
  await Promise.all([a, b, c]);
  console.log(order.join(" "));
}
main().then(() => console.log(log.length, log.slice(0, 6).join(" ")));
