// Closures made in async bodies see later assignments; const per block.
(async () => {
  const fs = [];
  let shared = 0;
  for (const v of [1, 2, 3]) {
    const c = v * 10;
    fs.push(() => c);
    await null;
  }
  fs.push(() => shared);
  shared = 99;
  console.log(fs.map((f) => f()).join(','));
  const later = [];
  { let x = 'block'; later.push(() => x); await 0; x = 'changed'; }
  console.log(later[0]());
})();
