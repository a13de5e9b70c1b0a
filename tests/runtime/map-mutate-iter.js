var m = new Map([[1, 'a'], [2, 'b'], [3, 'c']]), seen = [];
m.forEach(function (v, k) { seen.push(k); if (k === 1) { m.delete(2); m.set(4, 'd'); } });
console.log(seen.join());
var it = m.keys(); console.log(it.next().value); m.delete(1); m.delete(3); console.log(it.next().value, it.next().done);
var m2 = new Map([[1, 1]]), it2 = m2.values(); m2.clear(); m2.set(5, 50); console.log(it2.next().value);
var m3 = new Map([[1, 1]]), it3 = m3.keys(); it3.next(); console.log(it3.next().done); m3.set(2, 2); console.log(it3.next().done);
var s = new Set([1, 2, 3]), o = []; s.forEach(function (v) { o.push(v); if (v < 3) s.delete(v + 1); }); console.log(o.join(), s.size);
