console.log(Math.log2(8), Math.log2(1), Math.log2(0), Math.log2(-1), Math.log2(1024), Math.log2(0.5));
console.log(Math.log10(1000), Math.log10(1), Math.log10(0.001), Math.log10(-2), Math.log10(1e15));
console.log(Math.log2(3).toFixed(10), Math.log10(2).toFixed(10));
console.log(Math.log1p(0), Math.log1p(-1), Math.log1p(-2), Math.log1p(1e-20), Math.log1p(1).toFixed(12));
console.log(Math.expm1(0), Math.expm1(-0), Math.expm1(1e-20), Math.expm1(1).toFixed(12), Math.expm1(-Infinity), Math.expm1(Infinity));
