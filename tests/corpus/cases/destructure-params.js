function f({ a, b = 2 }, [c, d] = [3, 4], ...rest) {
  return [a, b, c, d, rest.length].join(',');
}
console.log(f({ a: 1 }));
console.log(f({ a: 1, b: 5 }, [6, 7], 8, 9));
const g = ({ x }, [y]) => x + y;
console.log(g({ x: 1 }, [2]));
