async function* agen() {
  yield 1;
  await null;
  yield Promise.resolve(2);
  try {
    yield 3;
  } finally {
    console.log("agen cleanup");
  }
}
const asyncIterable = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return { next: () => Promise.resolve({ value: i, done: i++ >= 2 }) };
  },
};
(async () => {
  for await (const v of agen()) console.log("a", v);
  for await (const v of [Promise.resolve("p1"), "plain", Promise.resolve("p2")]) console.log("s", v);
  for await (const v of asyncIterable) console.log("custom", v);
  for await (const v of agen()) {
    console.log("break at", v);
    if (v === 3) break;
  }
  const it = agen();
  console.log(JSON.stringify(await it.next()), JSON.stringify(await it.return("early")), JSON.stringify(await it.next()));
})();
