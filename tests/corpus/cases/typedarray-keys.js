// Typed arrays' indexes are enumerable own properties.
const u = new Uint8Array([1, 2, 3]);
const f = new Float64Array([0.5, -1]);
console.log(Object.keys(u).join(), JSON.stringify(u), JSON.stringify(f));
const seen = [];
for (const k in u) seen.push(k);
console.log(seen.join(), Object.getOwnPropertyNames(f).join(), Object.entries(f).join(";"));
console.log(JSON.stringify({ a: new Int16Array([-1, 7]), b: [...new Uint16Array([4, 5])] }));
console.log(u.hasOwnProperty(1), u.hasOwnProperty(3), 1 in u, Object.keys(new Uint8Array(0)).length);
console.log(JSON.stringify(Object.assign({}, new Int8Array([9, 8]))), JSON.stringify({ ...new Uint8Array([6]) }));
const sub = new Uint8Array(new Uint8Array([1, 2, 3, 4]).buffer, 1, 2);
console.log(JSON.stringify(sub), Object.keys(new DataView(new ArrayBuffer(2))).length, Object.keys(new ArrayBuffer(3)).length);
