// lyjs-only
// Async recursion past the engine's call stack, at every depth from where
// it fits to well past it, started from 0 to 3 calls deep so that the
// limit falls on each kind of call in turn: each call's promise settles
// (fulfilled, or rejected with the overflow), none hangs.  node's limit
// differs, so its output may.
async function depth(n) { if (n === 0) return 0; return 1 + await depth(n - 1); }
function from(k, n) { return k === 0 ? depth(n) : from(k - 1, n); }
let settled = 0, rejected = 0, range = 0;
for (let k = 0; k < 4; k++)
  for (let n = 20; n <= 60; n++)
    from(k, n).then(() => settled++, (e) => { settled++; rejected++; });
for (let k = 0; k < 4; k++)
  from(k, 100000).then(() => settled++, (e) => { settled++; rejected++; if (e instanceof RangeError) range++; });
setTimeout(() => console.log(settled, rejected, range), 0);
