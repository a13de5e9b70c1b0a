const fs = [];
outer: for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) {
    fs.push(() => i + ':' + j);
    if (i === 1 && j === 1) break outer;
  }
}
console.log(fs.map(f => f()).join(' '));
