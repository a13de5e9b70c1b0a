const fns = [];
for (const x of [1, 2]) {
  try { throw new Error('e' + x); } catch (e) { fns.push(() => e.message); }
}
console.log(fns.map(f => f()).join(','));
