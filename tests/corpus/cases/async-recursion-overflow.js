// lyjs-only
// Async recursion past the engine's call stack, at every depth from where
// it fits to well past it, started from 0 to 3 calls deep so that the
// limit falls on each kind of call in turn: each call's promise settles
// (fulfilled, or rejected with the overflow), none hangs.  node goes
// deeper, so its output differs.
async function depth(n) { if (n === 0) return 0; return 1 + await depth(n - 1); }
function from(k, n) { return k === 0 ? depth(n) : from(k - 1, n); }
let settled = 0, rejected = 0;
for (let k = 0; k < 4; k++)
  for (let n = 20; n <= 60; n++)
    from(k, n).then(() => settled++, (e) => { settled++; rejected++; });
setTimeout(() => console.log(settled, rejected > 0), 0);
