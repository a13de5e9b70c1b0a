// The ways out of a try in an async function, with and without an await
// on the way: break, continue and return through finally, a catch that
// ends normally, a rethrow, a finally that returns or throws instead.
const log = [];
const no = (m) => Promise.reject(new Error(m));
async function loop() {
  for (let i = 0; i < 4; i++) {
    try {
      if (i === 1) continue;
      if (i === 3) break;
      log.push("body " + i + " " + (await i));
    } finally {
      log.push("finally " + i);
    }
  }
  return "loop done";
}
async function caught() {
  let x = "none";
  try {
    x = await no("one");
  } catch (e) {
    log.push("caught " + e.message);
  } finally {
    log.push("finally x=" + x);
  }
  try {
    await no("two");
  } catch (e) {
    x = (await "after") + " " + e.message;
  }
  return x;
}
async function nested() {
  try {
    try {
      await no("inner");
    } finally {
      log.push("inner finally");
    }
  } catch (e) {
    log.push("outer caught " + e.message);
    try {
      throw new Error("again");
    } catch (e2) {
      return "nested " + e2.message + " " + (await 1);
    } finally {
      log.push("last finally");
    }
  }
}
async function override() {
  try {
    return await "first";
  } finally {
    return "second";
  }
}
async function replaced() {
  try {
    throw new Error("lost");
  } finally {
    await null;
    throw new Error("kept");
  }
}
async function swallow() {
  outer: for (const v of [1, 2]) {
    try {
      await no("in loop " + v);
    } catch (e) {
      log.push("swallow " + e.message);
      continue outer;
    } finally {
      log.push("swallow finally " + v);
    }
  }
  return "swallowed";
}
(async () => {
  log.push(await loop());
  log.push(await caught());
  log.push(await nested());
  log.push(await override());
  try { await replaced(); } catch (e) { log.push("replaced " + e.message); }
  log.push(await swallow());
  console.log(log.join("\n"));
})();
