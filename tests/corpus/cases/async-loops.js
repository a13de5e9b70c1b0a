const tick = (v) => Promise.resolve(v);
async function f() {
  let sum = 0;
  for (let i = 0; i < 5; i++) {
    if (i === 3) continue;
    sum += await tick(i);
  }
  let w = 0;
  while ((await tick(w)) < 3) w++;
  const arr = [];
  for (const x of [1, 2, 3]) arr.push(await tick(x * 2));
  label: for (const a of [1, 2]) {
    for (const b of [1, 2]) {
      if (await tick(b === 2)) continue label;
      arr.push(`${a}${b}`);
    }
  }
  switch (await tick("k")) {
    case await tick("k"): arr.push("matched"); break;
    default: arr.push("default");
  }
  return [sum, w, arr.join(",")].join(" ");
}
f().then(console.log);
