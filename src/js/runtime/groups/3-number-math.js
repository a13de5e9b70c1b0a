/* Group 3: the ES2015+ Number and Math functions, loaded when the global
 * Number or Math is first read.
 *
 * Like every group, this file is the body of a function (rt, G, Object)
 * that rt.load() in 10-symbol.js compiles the first time the group is
 * needed; its text is served from C (runtime_groups[]), so a VU that
 * never uses the group never lexes it. */
/* The built-ins themselves, even if the script assigned the globals
 * first (they read so while the group loads): the functions below keep
 * working whatever Math and Number become. */
var Math = G.Math, Number = G.Number;
var i, f, w = ("isInteger isFinite isNaN isSafeInteger trunc sign log2 log10 " +
"cbrt expm1 log1p fround imul clz32").split(" ");
for (i = 0; i < w.length; i++) {
	f = function m(a, b) {
		var r, i, x, y, e, op = m.prototype;
		switch (op) {
		case 0:
		case 3:
			return typeof a === "number" && isFinite(a) && Math.floor(a) === a &&
			(op === 0 || Math.abs(a) <= 9007199254740991);
		case 1:
			return typeof a === "number" && isFinite(a);
		case 2:
			return typeof a === "number" && a !== a;
		}
		a = +a;
		switch (op) {
		case 4:
			return a < 0 ? Math.ceil(a) : Math.floor(a);
		case 5:
			return a > 0 ? 1 : a < 0 ? -1 : a;
		case 6:
		case 7:
			x = op === 6 ? 2 : 10;
			r = Math.log(a) / Math.log(x);
			i = Math.round(r);
			return Math.pow(x, i) === a ? i : r;
		case 8:
			if (a === 0 || !isFinite(a))
				return a;
			r = Math.pow(Math.abs(a), 1 / 3);
			r -= (r * r * r - Math.abs(a)) / (3 * r * r);
			return a < 0 ? -r : r;
		case 9:
			x = Math.exp(a);
			if (x === 1 || x === Infinity)
				return x === 1 ? a : x;
			return x - 1 === -1 ? -1 : (x - 1) * a / Math.log(x);
		case 10:
			x = 1 + a;
			if (x === 1 || x === Infinity)
				return x === 1 ? a : x;
			return Math.log(x) * a / (x - 1);
		case 11:
			if (a === 0 || !isFinite(a))
				return a;
			x = Math.abs(a);
			if (x >= 3.4028235677973366e38)
				return a * Infinity;
			e = Math.floor(Math.log(x) / Math.LN2);
			if (Math.pow(2, e) > x)
				e--;
			else if (Math.pow(2, e + 1) <= x)
				e++;
			y = Math.pow(2, Math.max(e, -126) - 23);
			r = x / y;
			i = Math.floor(r);
			if (r - i > 0.5 || r - i === 0.5 && i % 2 === 1)
				i++;
			return a < 0 ? -i * y : i * y;
		case 12:
			b = +b;
			return ((a & 0xffff) * (b & 0xffff) + ((((a >>> 16) & 0xffff) * (b & 0xffff) +
			(a & 0xffff) * ((b >>> 16) & 0xffff)) << 16 >>> 0)) | 0;
		case 13:
			a >>>= 0;
			if (a === 0)
				return 32;
			for (i = 0; !(a & 0x80000000); i++)
				a <<= 1;
			return i;
		}
	};
	f.prototype = i;
	rt.def(f, "name", w[i]);
	rt.def(i < 4 ? Number : Math, w[i], f);
}
rt.def(Math, "hypot", function hypot() {
	var r = 0, n = false, i, y, e = 0;
	for (i = 0; i < arguments.length; i++) {
		y = Math.abs(arguments[i]);
		if (y === Infinity)
			return y;
		if (y !== y)
			n = true;
		else if (y > r)
			r = y;
	}
	if (n || r === 0)
		return n ? NaN : 0;
	for (i = 0; i < arguments.length; i++) {
		y = arguments[i] / r;
		e += y * y;
	}
	return r * Math.sqrt(e);
});
rt.def(Number, "parseFloat", parseFloat);
rt.def(Number, "parseInt", parseInt);
Object.defineProperty(Number, "EPSILON", { value: Math.pow(2, -52) });
Object.defineProperty(Number, "MAX_SAFE_INTEGER", { value: 9007199254740991 });
Object.defineProperty(Number, "MIN_SAFE_INTEGER", { value: -9007199254740991 });
rt.def(G, "Number", Number);
rt.def(G, "Math", Math);
