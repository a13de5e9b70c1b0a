console.log(JSON.stringify(Array.from({ length: 3 })), JSON.stringify(Array.from({ length: 2, 0: 'a', 1: 'b' })));
console.log(JSON.stringify(Array.from([1, 2, 3], function (x, i) { return x * i; })));
console.log(JSON.stringify(Array.from(new Set([3, 3, 4]))), JSON.stringify(Array.from(new Map([[1, 2]]))));
var ctx = { k: 10 };
console.log(JSON.stringify(Array.from([1], function (x) { return x + this.k; }, ctx)));
console.log(Array.from({ length: -5 }).length, Array.from({ length: 2.7 }).length, Array.from('').length);
try { Array.from(null); } catch (e) { console.log(e.name); }
