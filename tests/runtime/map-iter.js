var m = new Map([['x', 1], ['y', 2]]);
m.set('z', 3); m.set('x', 9);
var out = []; m.forEach(function (v, k, mm) { out.push(k + '=' + v + (mm === m)); }); console.log(out.join());
console.log(JSON.stringify(Array.from(m.keys())), JSON.stringify(Array.from(m.values())), JSON.stringify(Array.from(m.entries())), JSON.stringify(Array.from(m)));
console.log(Map.prototype[Symbol.iterator] === Map.prototype.entries);
m.delete('y'); m.set('y', 4); console.log(JSON.stringify(Array.from(m.keys())));
try { new Map([1]); } catch (e) { console.log(e.name); }
