const t = (v) => Promise.resolve(v);
async function f() {
  const o = { a: await t(1), b: [await t(2), await t(3)], [await t("k")]: 4 };
  console.log(JSON.stringify(o));
  console.log(`${await t("x")}-${await t("y")}`);
  console.log((await t(0)) || (await t("or")), (await t(1)) && (await t("and")), (await t(null)) ?? "nullish");
  console.log((await t(true)) ? await t("yes") : await t("no"));
  const { p, q = "dq" } = await t({ p: "P" });
  console.log(p, q);
  const [x, , y = "dy"] = await t([1, 2]);
  console.log(x, y);
  console.log(Math.max(await t(3), 7, await t(5)), [1, 2].map((v) => v + 1).concat(await t([9])).join());
  let n = 10;
  n -= await t(3);
  const box = { v: 2 };
  box.v **= await t(3);
  console.log(n, box.v, typeof (await t("s")), -(await t(4)), !(await t(0)));
  console.log((await t({ f() { return "method"; } })).f(), await t(1) + await t(2));
  const s = new Set([await t(1), await t(1)]);
  console.log(s.size, (await t([5, 6]))[1], (await t("abc")).length);
}
f();
