// Closures made in loops with await see the let and const bindings of
// their own iteration (head and body), in nested loops too.
(async () => {
  const fs = [];
  for (let i = 0; i < 3; i++) { fs.push(() => i); await null; }
  for (const x of ['a', 'b']) { const up = x.toUpperCase(); fs.push(() => x + up); await null; }
  let j = 0;
  while (j < 2) { const k = j * 10; fs.push(() => k); await null; j++; }
  for (const o of [1, 2]) for (const p of [3]) { fs.push(() => o * p); await null; }
  console.log(fs.map((f) => f()).join(','));
})();
