/* ES2015+ String methods and statics with the string and matchAll
 * iterators (group 1, stubs), and the Number and Math functions (group 3,
 * loaded when the global Number or Math is first read).  See 10-symbol.js.
 *
 * mujs 1.3.2 keeps "\ud83d\ude00" as two UTF-16 units but an astral
 * character written literally in the source as one unit whose code is
 * above 0xFFFF; the code-point functions handle both. */
(function (rt, G) {
	rt.reg += 's 3 1 0 includes startsWith endsWith padStart padEnd ' +
	    'repeat trimStart trimEnd codePointAt matchAll replaceAll at ' +
	    rt.ITER + ';v 4 1 15 fromCodePoint raw;l 0 3 Number Math;';
})(__ly_rt, this);

__ly_rt.src[1] = ['\
var h = rt.load(7), int = h.int,\
StrIter = Object.create(h.IterProto), ReIter = Object.create(h.IterProto);\
function cp(s, j) {\
var c = s.charCodeAt(j), d;\
if (c >= 0xd800 && c <= 0xdbff && j + 1 < s.length) {\
d = s.charCodeAt(j + 1);\
if (d >= 0xdc00 && d <= 0xdfff)\
return (c - 0xd800) * 0x400 + d - 0xdc00 + 0x10000;\
}\
return c;\
}\
function rep(s, n) {\
var r = "";\
for (; n > 0; n = Math.floor(n / 2), s += s)\
if (n % 2)\
r += s;\
return r;\
}\
function ws(c) {\
return c === 32 || c >= 9 && c <= 13 || c === 0xa0 || c === 0x1680 ||\
c >= 0x2000 && c <= 0x200a || c === 0x2028 || c === 0x2029 ||\
c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;\
}\
function isRe(a) {\
return Object.prototype.toString.call(a) === "[object RegExp]";\
}\
function notRe(a, name) {\
if (isRe(a))\
throw new TypeError("First argument to String.prototype." + name +\
" must not be a regular expression");\
return String(a);\
}\
function sub(t, m, p, s) {\
return t.replace(/\\$([$&`\x27])/g, function (x, c) {\
return c === "$" ? "$" : c === "&" ? m :\
c === "`" ? s.slice(0, p) : s.slice(p + m.length);\
});\
}\
function d(op, s, a, b, c, args) {\
var n, r, i, t, f, e, x;\
if (op < 13) {\
if (s == null)\
throw new TypeError("String.prototype method called on null or undefined");\
s = String(s);\
n = s.length;\
}\
switch (op) {\
case 0:\
return s.indexOf(notRe(a, "includes"), int(b)) !== -1;\
case 1:\
t = notRe(a, "startsWith");\
i = Math.min(Math.max(int(b), 0), n);\
return s.slice(i, i + t.length) === t;\
case 2:\
t = notRe(a, "endsWith");\
e = b === undefined ? n : Math.min(Math.max(int(b), 0), n);\
i = e - t.length;\
return i >= 0 && s.slice(i, e) === t;\
case 3:\
case 4:\
i = h.len(a);\
t = b === undefined ? " " : String(b);\
if (i <= n || t === "")\
return s;\
i -= n;\
t = rep(t, Math.ceil(i / t.length)).slice(0, i);\
return op === 3 ? t + s : s + t;\
case 5:\
i = int(a);\
if (i < 0 || i === Infinity)\
throw new RangeError("Invalid count value: " + a);\
return rep(s, i);\
case 6:\
for (i = 0; i < n && ws(s.charCodeAt(i)); i++)\
;\
return s.slice(i);\
case 7:\
for (i = n; i > 0 && ws(s.charCodeAt(i - 1)); i--)\
;\
return s.slice(0, i);\
case 8:\
i = int(a);\
return i < 0 || i >= n ? undefined : cp(s, i);\
', '\
case 9:\
if (isRe(a)) {\
if (!a.global)\
throw new TypeError("String.prototype.matchAll called with a non-global RegExp argument");\
r = new RegExp(a.source, "g" + (a.ignoreCase ? "i" : "") + (a.multiline ? "m" : ""));\
r.lastIndex = a.lastIndex;\
} else\
 r = new RegExp(a === undefined ? "" : String(a), "g");\
r = h.iter(ReIter, r, 0);\
r._s = s;\
return r;\
case 10:\
if (isRe(a)) {\
if (!a.global)\
throw new TypeError("replaceAll must be called with a global RegExp");\
return s.replace(a, b);\
}\
t = String(a);\
f = typeof b === "function";\
if (!f)\
b = String(b);\
r = "";\
e = 0;\
for (i = s.indexOf(t); i !== -1; ) {\
r += s.slice(e, i) + (f ? String(b(t, i, s)) : b.indexOf("$") < 0 ? b : sub(b, t, i, s));\
e = i + t.length;\
i = t !== "" ? s.indexOf(t, e) : i < n ? i + 1 : -1;\
}\
return r + s.slice(e);\
case 11:\
i = int(a);\
if (i < 0)\
i += n;\
return i < 0 || i >= n ? undefined : s.charAt(i);\
case 12:\
return h.iter(StrIter, s, 0);\
case 13:\
t = s._t;\
i = s._i;\
if (t === undefined || i >= t.length) {\
s._t = undefined;\
return h.step(undefined, true);\
}\
n = cp(t, i) > 0xffff && t.charCodeAt(i) <= 0xffff ? 2 : 1;\
s._i = i + n;\
return h.step(t.slice(i, i + n), false);\
case 14:\
r = s._t;\
x = r && r.exec(s._s);\
if (!x) {\
s._t = undefined;\
return h.step(undefined, true);\
}\
if (x[0] === "")\
r.lastIndex++;\
return h.step(x, false);\
case 15:\
for (t = "", i = 0; i < args.length; i++) {\
c = +args[i];\
if (c !== int(c) || c < 0 || c > 0x10ffff)\
throw new RangeError("Invalid code point " + args[i]);\
if (c > 0xffff) {\
c -= 0x10000;\
t += String.fromCharCode(0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));\
} else\
 t += String.fromCharCode(c);\
}\
return t;\
case 16:\
r = h.obj(h.obj(a).raw);\
n = h.len(r.length);\
for (t = "", i = 0; i < n; i++) {\
t += String(r[i]);\
if (i + 1 < n && i + 1 < args.length)\
t += String(args[i + 1]);\
}\
return t;\
}\
}\
h.inst(d, StrIter, ["next"], 13);\
h.inst(d, ReIter, ["next"], 14);\
return d;'];

__ly_rt.src[3] = '\
var i, f, w = ("isInteger isFinite isNaN isSafeInteger trunc sign log2 log10 " +\
"cbrt expm1 log1p fround imul clz32").split(" ");\
for (i = 0; i < w.length; i++) {\
f = function m(a, b) {\
var r, i, x, y, e, op = m.prototype;\
switch (op) {\
case 0:\
case 3:\
return typeof a === "number" && isFinite(a) && Math.floor(a) === a &&\
(op === 0 || Math.abs(a) <= 9007199254740991);\
case 1:\
return typeof a === "number" && isFinite(a);\
case 2:\
return typeof a === "number" && a !== a;\
}\
a = +a;\
switch (op) {\
case 4:\
return a < 0 ? Math.ceil(a) : Math.floor(a);\
case 5:\
return a > 0 ? 1 : a < 0 ? -1 : a;\
case 6:\
case 7:\
x = op === 6 ? 2 : 10;\
r = Math.log(a) / Math.log(x);\
i = Math.round(r);\
return Math.pow(x, i) === a ? i : r;\
case 8:\
if (a === 0 || !isFinite(a))\
return a;\
r = Math.pow(Math.abs(a), 1 / 3);\
r -= (r * r * r - Math.abs(a)) / (3 * r * r);\
return a < 0 ? -r : r;\
case 9:\
x = Math.exp(a);\
if (x === 1 || x === Infinity)\
return x === 1 ? a : x;\
return x - 1 === -1 ? -1 : (x - 1) * a / Math.log(x);\
case 10:\
x = 1 + a;\
if (x === 1 || x === Infinity)\
return x === 1 ? a : x;\
return Math.log(x) * a / (x - 1);\
case 11:\
if (a === 0 || !isFinite(a))\
return a;\
x = Math.abs(a);\
if (x >= 3.4028235677973366e38)\
return a * Infinity;\
e = Math.floor(Math.log(x) / Math.LN2);\
if (Math.pow(2, e) > x)\
e--;\
else if (Math.pow(2, e + 1) <= x)\
e++;\
y = Math.pow(2, Math.max(e, -126) - 23);\
r = x / y;\
i = Math.floor(r);\
if (r - i > 0.5 || r - i === 0.5 && i % 2 === 1)\
i++;\
return a < 0 ? -i * y : i * y;\
case 12:\
b = +b;\
return ((a & 0xffff) * (b & 0xffff) + ((((a >>> 16) & 0xffff) * (b & 0xffff) +\
(a & 0xffff) * ((b >>> 16) & 0xffff)) << 16 >>> 0)) | 0;\
case 13:\
a >>>= 0;\
if (a === 0)\
return 32;\
for (i = 0; !(a & 0x80000000); i++)\
a <<= 1;\
return i;\
}\
};\
f.prototype = i;\
rt.def(i < 4 ? Number : Math, w[i], f);\
}\
rt.def(Math, "hypot", function hypot() {\
var r = 0, n = false, i, y, e = 0;\
for (i = 0; i < arguments.length; i++) {\
y = Math.abs(arguments[i]);\
if (y === Infinity)\
return y;\
if (y !== y)\
n = true;\
else if (y > r)\
r = y;\
}\
if (n || r === 0)\
return n ? NaN : 0;\
for (i = 0; i < arguments.length; i++) {\
y = arguments[i] / r;\
e += y * y;\
}\
return r * Math.sqrt(e);\
});\
rt.def(Number, "parseFloat", parseFloat);\
rt.def(Number, "parseInt", parseInt);\
Object.defineProperty(Number, "EPSILON", { value: Math.pow(2, -52) });\
Object.defineProperty(Number, "MAX_SAFE_INTEGER", { value: 9007199254740991 });\
Object.defineProperty(Number, "MIN_SAFE_INTEGER", { value: -9007199254740991 });\
rt.def(G, "Number", Number);\
rt.def(G, "Math", Math);';
