const [a, b] = [1, 2];
const [, second, , fourth] = [1, 2, 3, 4];
const [x = 10, y = 20] = [undefined, 5];
const [head, ...tail] = [1, 2, 3, 4];
console.log(a, b, second, fourth, x, y, head, tail.join(','));
let p = 1, q = 2;
[p, q] = [q, p];
console.log(p, q);
