const big = [];
for (let i = 0; i < 200; i++) big.push(i);
const copy = [...big, ...big];
console.log(copy.length, copy[399]);
function count() { return arguments.length; }
console.log(count(...big));
const many = [];
for (let i = 0; i < 1000; i++) many.push(i % 97);
console.log(Math.max(...many), Math.min(...many, -1));
const dst = [];
dst.push(...many);
console.log(dst.length);
console.log(String.fromCharCode(...many.map(() => 65)).length);
