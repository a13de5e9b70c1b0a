console.log(Math.trunc(4.7), Math.trunc(-4.7), Math.trunc(-0.5), Math.trunc('12.3'), Math.trunc(NaN), Math.trunc(Infinity));
console.log(Math.sign(3), Math.sign(-3), Math.sign(0), Math.sign(-0), Math.sign('x'), Math.sign('3'));
console.log(Math.floor(2.5), Math.max(1, 3), Math.PI > 3);
