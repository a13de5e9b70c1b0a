const a = [1, , 3];
const b = [...a];
console.log(b.length, b[1], 1 in b);
console.log([..."ab", ...[1, 2]].join('|'));
