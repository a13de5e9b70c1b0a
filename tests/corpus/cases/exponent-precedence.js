console.log(2 ** 3 * 2, 2 * 3 ** 2, (2 ** 2) ** 3, -(2 ** 2), 10 ** -2);
let i = 2;
console.log(i++ ** 2, i);
