var o = { x: 1, y: 'two' };
console.log(JSON.stringify(Object.entries(o)), JSON.stringify(Object.values(o)));
console.log(JSON.stringify(Object.entries([7, 8])), Object.values('hi').join());
var q = Object.create({ z: 1 }); q.w = 2;
console.log(JSON.stringify(Object.entries(q)));
try { Object.values(null); } catch (e) { console.log(e.name); }
