var m = new Map();
console.log(m.size, m.set('a', 1) === m, m.size, m.get('a'), m.get('b'), m.has('a'), m.has('b'));
m.set(NaN, 'nan'); m.set(-0, 'zero'); m.set('1', 'str'); m.set(1, 'num');
console.log(m.get(NaN), m.get(0), m.get(+0), m.get('1'), m.get(1), m.size);
console.log(m.delete('a'), m.delete('a'), m.size);
m.set(null, 'n'); m.set(undefined, 'u'); m.set(true, 't');
console.log(m.get(null), m.get(undefined), m.get(true), m.get('true'), m.size);
m.clear(); console.log(m.size, m.get(NaN));
try { Map(); } catch (e) { console.log(e.name); }
try { Map.prototype.get.call({}, 1); } catch (e) { console.log(e.name); }
