var k1 = {}, k2 = function () {}, wm = new WeakMap([[k1, 'one']]);
console.log(wm.get(k1), wm.has(k1), wm.has(k2), wm.set(k2, 2) === wm, wm.get(k2));
console.log(wm.delete(k1), wm.has(k1), wm.delete(k1), wm.get(k1));
try { wm.set(1, 1); } catch (e) { console.log(e.name); }
console.log(wm.get(1), wm.has('x'), wm.delete(null));
var fz = Object.freeze({}); wm.set(fz, 'f'); console.log(wm.get(fz), wm.has(fz), wm.delete(fz), wm.has(fz));
console.log(Object.keys(k2).length, JSON.stringify(k1), Object.getOwnPropertyNames(k1).length);
var w2 = new WeakMap(); console.log(w2.has(k2), w2.get(k2));
