// await in while, do-while, for-in, labelled continue and break.
const tick = (v) => Promise.resolve(v);
(async () => {
  const out = [];
  let i = 0;
  while (await tick(i < 3)) out.push('w' + i++);
  do { out.push('d' + i); i--; } while (await tick(i > 1));
  for (const k in { a: 1, b: 2 }) out.push(k + await tick(k.length));
  outer: for (let x = 0; x < 3; x++) {
    for (let y = 0; y < 3; y++) {
      if (await tick(y === 1)) continue outer;
      if (await tick(x === 2)) break outer;
      out.push(`${x}${y}`);
    }
  }
  console.log(out.join(' '));
})();
