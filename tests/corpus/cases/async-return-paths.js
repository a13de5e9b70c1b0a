// What an async body returns, by each way it can return, while other
// bodies and generators run around it.
function* gen(n) {
  for (let i = 0; i < n; i++) {
    if (i === 2) return "g" + i;
    yield i;
  }
}
async function plain(x) {
  return x + 1;
}
async function afterAwait(x) {
  const y = await x;
  return [y, ...gen(5)];
}
async function throughFinally(x) {
  try {
    return await x;
  } finally {
    console.log("finally", x);
  }
}
async function genInside() {
  const it = gen(3);
  const out = [it.next().value, it.next().value, it.next()];
  return out;
}
async function nested(x) {
  const inner = plain(x);
  return (await inner) * 10;
}
async function thenable(x) {
  return { then(res) { res("thenable " + x); } };
}
async function promise(x) {
  return Promise.resolve("promise " + x);
}
async function early(x) {
  if (x > 1) return "big";
  await null;
  return "small";
}
async function nothing() {
  return;
}
const arrow = async (x) => x * 3;
async function main() {
  console.log(await plain(1), (await afterAwait(2)).join());
  console.log(await throughFinally(3));
  console.log(JSON.stringify(await genInside()));
  console.log(await nested(4), await thenable(5), await promise(6));
  console.log(await early(1), await early(2), await nothing(), await arrow(7));
  const all = await Promise.all([plain(1), early(5), arrow(2), nested(1)]);
  console.log(all.join(" "));
}
main().then((v) => console.log("main", v));
