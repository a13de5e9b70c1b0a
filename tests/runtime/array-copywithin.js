console.log(JSON.stringify([1, 2, 3, 4, 5].copyWithin(0, 3)), JSON.stringify([1, 2, 3, 4, 5].copyWithin(0, 3, 4)));
console.log(JSON.stringify([1, 2, 3, 4, 5].copyWithin(-2, -3, -1)), JSON.stringify([1, 2, 3, 4, 5].copyWithin(1, 0)));
console.log(JSON.stringify([1, 2, 3, 4, 5].copyWithin(2, 0, 3)), JSON.stringify([1, 2, 3].copyWithin(0, 1, 1)));
var o = Array.prototype.copyWithin.call({ length: 5, 3: 1 }, 0, 3); console.log(o[0], 1 in o, o[1]);
