const { a = 1, b = a + 1, c = b * 2 } = {};
console.log(a, b, c);
function f([x, y = x] = [7]) { return x + y; }
console.log(f(), f([1]), f([1, 2]));
