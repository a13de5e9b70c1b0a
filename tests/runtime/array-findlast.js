var a = [1, 2, 3, 4, 5];
console.log(a.findLast(function (x) { return x % 2 === 0; }), a.findLastIndex(function (x) { return x % 2 === 0; }));
console.log(a.findLast(function (x) { return x > 9; }), a.findLastIndex(function (x) { return x > 9; }));
var order = []; a.findLast(function (x, i) { order.push(i); return false; }); console.log(order.join());
console.log([].findLastIndex(function () { return true; }));
