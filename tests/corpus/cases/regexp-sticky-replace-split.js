const y = /a/gy;
console.log("aaba".replace(y, "x"), y.lastIndex);
console.log(JSON.stringify("aaba".match(/a/gy)), JSON.stringify("a,b".split(/,/y)));
const z = /b/y;
console.log("ab".replace(z, "X"), z.lastIndex, (z.lastIndex = 1, "ab".replace(z, "X")), z.lastIndex);
