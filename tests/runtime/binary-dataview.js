var b = new ArrayBuffer(16), dv = new DataView(b), u = new Uint8Array(b);
dv.setInt8(0, -2); dv.setUint8(1, 300);
dv.setInt16(2, -2); dv.setUint16(4, 0xabcd, true);
dv.setInt32(6, -123456789); dv.setFloat32(10, 1.5, true);
console.log(u.join());
console.log(dv.getInt8(0), dv.getUint8(0), dv.getInt16(2), dv.getUint16(2, true), dv.getUint16(4, true), dv.getUint16(4));
console.log(dv.getInt32(6), dv.getUint32(6), dv.getInt32(6, true), dv.getFloat32(10, true), dv.getFloat32(10));
dv.setFloat64(8, Math.PI);
console.log(dv.getFloat64(8), dv.getFloat64(8, true), dv.byteLength, dv.byteOffset, dv.buffer === b);
var d2 = new DataView(b, 4, 4);
console.log(d2.byteLength, d2.byteOffset, d2.getUint8(0), Object.prototype.toString.call(d2), d2 instanceof DataView);
try { d2.getUint32(1); } catch (e) { console.log(e.name); }
try { d2.setUint8(4, 1); } catch (e) { console.log(e.name); }
try { new DataView([]); } catch (e) { console.log(e.name); }
try { new DataView(b, 17); } catch (e) { console.log(e.name); }
