var b = new ArrayBuffer(6);
console.log(b.byteLength, b instanceof ArrayBuffer, typeof ArrayBuffer, Object.prototype.toString.call(b));
var u = new Uint8Array(b);
u.set([1, 2, 3, 4, 5, 6]);
var s = b.slice(2, -1);
console.log(s.byteLength, new Uint8Array(s).join(), new Uint8Array(b.slice(-2)).join(), b.slice(4, 2).byteLength);
console.log(ArrayBuffer.isView(b), ArrayBuffer.isView(u), ArrayBuffer.isView(new DataView(b)), ArrayBuffer.isView([]), ArrayBuffer.isView());
b.byteLength = 99;
console.log(b.byteLength, new ArrayBuffer().byteLength, new ArrayBuffer(2.9).byteLength);
try { new ArrayBuffer(-1); } catch (e) { console.log(e.name); }
try { ArrayBuffer(1); } catch (e) { console.log(e.name); }
console.log(ArrayBuffer.prototype.constructor === ArrayBuffer, Object.keys(globalThis).indexOf('ArrayBuffer'));
