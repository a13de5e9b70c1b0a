var s = Symbol('k'), o = { a: 1 };
o[s] = 2;
console.log(Object.keys(o).join(), Object.getOwnPropertyNames(o).join(), JSON.stringify(Object.keys(o)));
console.log(Object.getOwnPropertySymbols(o).length, Object.getOwnPropertySymbols(o)[0] === s);
var d = {}; Object.defineProperty(d, s, { value: 1, configurable: true }); d.b = 2;
var n = 0; for (var k in d) n++;
console.log(n, JSON.stringify(d));
var it = {}; it[Symbol.iterator] = function () { return [1][Symbol.iterator](); };
console.log(Object.keys(it).length, JSON.stringify(it));
