let i = 'outer';
for (let i = 0; i < 3; i++) {
  let j = i * 2;
  console.log(i, j);
}
console.log(i);
