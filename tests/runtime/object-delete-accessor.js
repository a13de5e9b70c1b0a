// Deleting properties keeps every other property whole, accessors included.
var o = {};
var names = ["m", "c", "x", "a", "e", "q", "z", "b", "d", "n"];
for (var i = 0; i < names.length; i++) o[names[i]] = i;
Object.defineProperty(o, "p", { get: function () { return "getter p"; }, enumerable: true, configurable: true });
Object.defineProperty(o, "o", { get: function () { return "getter o"; }, set: function (v) { this.seen = v; }, enumerable: true, configurable: true });
delete o.n; delete o.m;
o.o = 5;
console.log(o.p, o.o, o.seen, o.q, o.x, Object.keys(o).join());
var g = {}; for (i = 0; i < 50; i++) g["k" + i] = i;
Object.defineProperty(g, "k25x", { get: function () { return "acc"; }, configurable: true, enumerable: true });
for (i = 0; i < 50; i += 3) delete g["k" + i];
console.log(g.k25x, g.k26, Object.keys(g).length);
