const fs = [];
for (let i = 0; i < 6; i++) {
  if (i % 2 === 0) i++;
  fs.push(i);
}
console.log(fs.join(','));
