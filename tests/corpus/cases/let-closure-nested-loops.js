const fs = [];
for (let i = 0; i < 2; i++) {
  for (let j = 0; j < 2; j++) {
    fs.push(() => `${i}${j}`);
  }
}
console.log(fs.map(f => f()).join(' '));
