let i = 0;
const fns = [];
while (i < 10) {
  i++;
  const v = i;
  if (v % 2) continue;
  fns.push(() => v);
  if (v >= 6) break;
}
console.log(fns.map(f => f()).join(','));
