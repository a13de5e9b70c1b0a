const a = 1;
const b = `x
y`;
console.log(a, b.length, b.charCodeAt(1));
