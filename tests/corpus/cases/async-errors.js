async function thrower(x) {
  await null;
  if (x) throw new Error("thrown " + x);
  return "fine";
}
async function main() {
  try {
    await thrower(1);
  } catch (e) {
    console.log("caught:", e.message);
  } finally {
    console.log("finally 1");
  }
  const r = await thrower(0).catch(() => "no");
  console.log(r);
  const p = thrower(2);
  try {
    return await p;
  } catch (e) {
    console.log("return await caught", e.message);
    return "recovered";
  } finally {
    console.log("finally 2");
  }
}
main().then((v) => console.log("main:", v));
async function sync_throw() { throw new TypeError("immediate"); }
const p = sync_throw();
console.log("after call", p instanceof Promise);
p.catch((e) => console.log("rejected", e.name));
