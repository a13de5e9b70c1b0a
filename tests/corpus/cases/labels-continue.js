let out = [];
loop1: for (let i = 0; i < 3; i++) {
  loop2: for (let j = 0; j < 3; j++) {
    if (j === 1) continue loop1;
    if (i === 2) break loop1;
    out.push(i + '' + j);
  }
}
console.log(out.join(','));
blk: {
  console.log('in block');
  break blk;
}
let k = 0;
w: while (true) { k++; do { if (k > 2) break w; continue w; } while (false); }
console.log(k);
