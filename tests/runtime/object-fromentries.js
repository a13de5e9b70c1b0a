var o = Object.fromEntries([['a', 1], ['b', 2]]);
console.log(o.a, o.b, Object.keys(o).length);
var m = new Map(); m.set('k', 'v');
console.log(Object.fromEntries(m).k);
console.log(JSON.stringify(Object.fromEntries(Object.entries({ p: 3 }))));
try { Object.fromEntries([1]); } catch (e) { console.log(e.name); }
try { Object.fromEntries(5); } catch (e) { console.log(e.name); }
