console.log(2 ** 10, 2 ** -1, (-2) ** 3, 2 ** 3 ** 2);
let x = 3;
x **= 2;
const o = { v: 2 };
o.v **= 3;
console.log(x, o.v);
