console.log(Math.hypot(3, 4), Math.hypot(3, 4, 12), Math.hypot(), Math.hypot(-3), Math.hypot(NaN, Infinity), Math.hypot(NaN, 1), Math.hypot(1e200, 1e200) > 1e200);
console.log(Math.cbrt(27), Math.cbrt(-8), Math.cbrt(0), Math.cbrt(-0), Math.cbrt(Infinity), Math.cbrt(2).toFixed(12), Math.cbrt(1e-300) > 0);
