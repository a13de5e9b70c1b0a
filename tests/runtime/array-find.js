var a = [5, 12, 8, 130, 44];
console.log(a.find(function (x) { return x > 10; }), a.findIndex(function (x) { return x > 10; }));
console.log(a.find(function (x) { return x > 1000; }), a.findIndex(function (x) { return x > 1000; }));
var holes = [1, , 3]; delete holes[1]; var seen = [];
holes.find(function (x, i) { seen.push(i + ':' + x); });
console.log(seen.join());
console.log(Array.prototype.find.call({ length: 2, 0: 'a', 1: 'b' }, function (x) { return x === 'b'; }));
var t = { lim: 40 }; console.log(a.find(function (x) { return x > this.lim; }, t));
try { a.find(); } catch (e) { console.log(e.name); }
