const r = [5, 3, 8, 1]
  .filter(x => x > 2)
  .map(x => x * 2)
  .sort((a, b) => a - b)
  .join(' ');
console.log(r);
