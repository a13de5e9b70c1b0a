console.log(Number.isInteger(5), Number.isInteger(5.5), Number.isInteger('5'), Number.isInteger(Infinity), Number.isInteger(-0), Number.isInteger(1e300));
console.log(Number.isFinite(1), Number.isFinite('1'), Number.isFinite(NaN), Number.isFinite(-Infinity));
console.log(Number.isNaN(NaN), Number.isNaN('NaN'), Number.isNaN(undefined), Number.isNaN(0 / 0));
console.log(Number.isSafeInteger(9007199254740991), Number.isSafeInteger(9007199254740992), Number.isSafeInteger(-9007199254740991), Number.isSafeInteger(3.1));
