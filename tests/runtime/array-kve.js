function all(it) { var r, o = []; for (r = it.next(); !r.done; r = it.next()) o.push(r.value); return JSON.stringify(o); }
var a = ['a', 'b'];
console.log(all(a.keys()), all(a.values()), all(a.entries()));
var h = ['x', , 'z']; delete h[1];
console.log(all(h.keys()), all(h.entries()));
console.log(all(Array.prototype.keys.call({ length: 2 })));
