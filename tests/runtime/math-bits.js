console.log(Math.fround(5.5), Math.fround(5.05) * 8388608 / 4, Math.fround(1.337) * 8388608, Math.fround(0), Math.fround(-0), Math.fround(NaN));
console.log(Math.fround(1e40), Math.fround(-1e40), Math.fround(2.5e-45) / Math.pow(2, -149), Math.fround(1e-46), Math.fround(16777217), Math.fround(3.4028235e38) === (Math.pow(2, 24) - 1) * Math.pow(2, 104), Math.fround(3.4028236e38));
console.log(Math.imul(2, 4), Math.imul(-1, 8), Math.imul(0xffffffff, 5), Math.imul(0xfffffffe, 5), Math.imul(65536, 65536), Math.imul(3.9, 2.1));
console.log(Math.clz32(1), Math.clz32(1000), Math.clz32(0), Math.clz32(-1), Math.clz32(0.5), Math.clz32(Math.pow(2, 32)));
