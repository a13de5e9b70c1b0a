const find = (xs, want) => {
  for (const x of xs) {
    const g = () => x === want;
    if (g()) return `found ${x}`;
  }
  return 'missing';
};
console.log(find([1, 2, 3], 2), find([], 1));
