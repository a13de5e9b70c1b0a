// ES2015's Math and Number functions are built-in functions: length as
// the standard has it, no prototype property, their own names.
var m = 'trunc sign log2 log10 cbrt expm1 log1p fround imul clz32'.split(' ');
var n = 'isInteger isFinite isNaN isSafeInteger'.split(' ');
function describe(o, names) {
	return names.map(function (k) {
		return k + ':' + o[k].length + ('prototype' in o[k] ? 'p' : '') +
		    (o[k].name === k ? '' : ' name ' + o[k].name);
	}).join(' ');
}
console.log(describe(Math, m));
console.log(describe(Number, n));
console.log(typeof Math.hypot, 'prototype' in Math.hypot, Math.hypot.name);
console.log(Number.parseFloat === parseFloat, Number.parseInt === parseInt,
    Number.EPSILON === Math.pow(2, -52));
console.log(Object.getOwnPropertyDescriptor(Math, 'trunc').enumerable,
    Object.getOwnPropertyDescriptor(Number, 'isNaN').writable);
