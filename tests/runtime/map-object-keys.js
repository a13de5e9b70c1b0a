var a = {}, b = {}, f = function () {}, m = new Map();
m.set(a, 'A').set(b, 'B').set(f, 'F');
console.log(m.get(a), m.get(b), m.get(f), m.get({}), m.size);
var frozen = Object.freeze({}); m.set(frozen, 'Z'); console.log(m.get(frozen), m.has(frozen), m.delete(frozen), m.has(frozen));
console.log(JSON.stringify(a), Object.keys(a).length);
var big = new Map(); for (var i = 0; i < 2000; i++) big.set('k' + i, i);
for (i = 0; i < 2000; i += 2) big.delete('k' + i);
console.log(big.size, big.get('k1999'), big.get('k0'), Array.from(big.keys())[0]);
