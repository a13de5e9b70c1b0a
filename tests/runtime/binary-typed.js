var types = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array];
var vals = [0, 1, -1, 127, 128, 255, 256, 1.5, 2.5, -2.5, 65535, 65536, -32769, 4294967295, 4294967296, 1e10, NaN, Infinity, -Infinity, 0.1];
types.forEach(function (T) {
	var a = new T(vals.length), i, out = [];
	for (i = 0; i < vals.length; i++)
		a[i] = vals[i];
	for (i = 0; i < a.length; i++)
		out.push(a[i]);
	console.log(Object.prototype.toString.call(a), T.BYTES_PER_ELEMENT, a.BYTES_PER_ELEMENT, a.length, a.byteLength, a.byteOffset, out.join(' '));
	console.log(a instanceof T, a.constructor === T, a.buffer instanceof ArrayBuffer, a.buffer.byteLength, a[vals.length], a[-1]);
});
var b = new ArrayBuffer(16);
var u8 = new Uint8Array(b, 4, 8), u16 = new Uint16Array(b, 2), i32 = new Int32Array(b, 8, 1);
i32[0] = -2;
console.log(u8.length, u8.byteOffset, u16.length, u16.byteOffset, u16.byteLength, new Uint8Array(b).join());
console.log(u8.buffer === b, u8[4], u16[3], u16[4]);
u8[100] = 5; u8.length = 0;
console.log(u8.length, u8[100]);
console.log(new Uint8Array([1, 2, 3]).join(), new Uint16Array(new Uint8Array([1, 255])).join(), new Float32Array({ length: 2, 0: 1.25, 1: '3' }).join());
console.log(new Uint8Array().length, new Uint8Array(3).join(), new Uint8Array('2').length, new Uint8Array(null).length);
try { new Uint16Array(b, 1); } catch (e) { console.log(e.name); }
try { new Uint16Array(new ArrayBuffer(3)); } catch (e) { console.log(e.name); }
try { new Uint8Array(b, 17); } catch (e) { console.log(e.name); }
try { new Uint8Array(b, 8, 9); } catch (e) { console.log(e.name); }
try { new Uint8Array(-1); } catch (e) { console.log(e.name); }
try { Uint8Array(1); } catch (e) { console.log(e.name); }
