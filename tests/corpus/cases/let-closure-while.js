const fns = [];
let n = 0;
while (n < 3) {
  const k = n;
  fns.push(() => k);
  n++;
}
console.log(fns.map(f => f()).join(','));
