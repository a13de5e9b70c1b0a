function firstEven(xs) {
  for (const x of xs) {
    const check = () => x % 2 === 0;
    if (check()) return x;
  }
  return -1;
}
console.log(firstEven([1, 3, 4, 5]), firstEven([1]));
