// Built-in methods have no prototype object; constructors keep theirs.
var methods = [Array.prototype.push, Array.isArray, Math.max, JSON.parse,
    String.prototype.slice, String.fromCharCode, Object.create,
    Date.now, Date.prototype.getTime, Number.prototype.toFixed, parseInt,
    isNaN, encodeURIComponent, Function.prototype.call, RegExp.prototype.exec,
    Error.prototype.toString, Object.prototype.hasOwnProperty];
var i, n = 0;
for (i = 0; i < methods.length; i++)
	if (methods[i].prototype === undefined)
		n++;
console.log(n === methods.length, n);
var ctors = [Object, Function, Array, String, Boolean, Number, Date, RegExp,
    Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError];
for (i = 0; i < ctors.length; i++)
	console.log(i, typeof ctors[i].prototype, ctors[i].prototype.constructor === ctors[i]);
console.log(new Date(0) instanceof Date, new TypeError('x') instanceof Error,
    [].concat([1]).length, Object.prototype.toString.call([]), (function () {}).prototype !== undefined);
// not even a prototype property holding undefined
for (i = 0, n = 0; i < methods.length; i++)
	if (Object.prototype.hasOwnProperty.call(methods[i], 'prototype') || 'prototype' in methods[i])
		n++;
console.log(n);
