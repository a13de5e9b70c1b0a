const out = [];
for (let i = 0; i < 4; i++) {
  switch (i) {
    case 1: out.push(() => 'one' + i); break;
    case 3: out.push(() => 'three' + i); break;
    default: continue;
  }
}
console.log(out.map(f => f()).join(','));
