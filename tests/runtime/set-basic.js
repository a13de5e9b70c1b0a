var s = new Set([1, 2, 2, '2', NaN, NaN, 0, -0]);
console.log(s.size, s.has(2), s.has('2'), s.has(NaN), s.has(-0), s.has(3));
console.log(s.add(3) === s, s.size, s.delete(3), s.delete(3), s.size);
console.log(JSON.stringify(Array.from(s)), 1 / Array.from(s)[5]);
var o = []; s.forEach(function (v, k, set) { o.push(v === k && set === s); }); console.log(o.join());
s.clear(); console.log(s.size);
console.log(new Set('hello').size, Set.prototype.keys === Set.prototype.values, Set.prototype[Symbol.iterator] === Set.prototype.values);
console.log(JSON.stringify(Array.from(new Set(['a', 'b']).entries())));
try { Set.prototype.add.call(new Map(), 1); } catch (e) { console.log(e.name); }
