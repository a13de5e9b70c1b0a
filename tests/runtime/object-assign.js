var t = { a: 1 };
var r = Object.assign(t, { b: 2 }, null, undefined, { a: 3 });
console.log(r === t, t.a, t.b);
console.log(JSON.stringify(Object.assign({}, 'ab')));
var p = Object.create({ inherited: 1 }); p.own = 2;
console.log(JSON.stringify(Object.assign({}, p)));
try { Object.assign(null, {}); } catch (e) { console.log(e.name); }
