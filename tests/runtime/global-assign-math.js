// Math assigned before the runtime library makes it: the script's value
// stays, and Number's ES2015 functions still work (they keep the real Math).
Math = 3;
console.log(Math, Number.isInteger(2), Number.isInteger(2.5), Number.isSafeInteger(Math),
    Number.EPSILON > 0, Number.parseFloat('1.5'), Math);
