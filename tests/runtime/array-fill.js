console.log(JSON.stringify([1, 2, 3].fill(4)), JSON.stringify([1, 2, 3].fill(4, 1)), JSON.stringify([1, 2, 3].fill(4, 1, 2)));
console.log(JSON.stringify([1, 2, 3].fill(4, -3, -2)), JSON.stringify([1, 2, 3].fill(4, NaN, NaN)), JSON.stringify([1, 2, 3].fill(4, 3, 3)));
console.log(JSON.stringify(new Array(3).fill(0)), JSON.stringify(Array.prototype.fill.call({ length: 2 }, 9)));
var a = [1]; console.log(a.fill(2) === a);
