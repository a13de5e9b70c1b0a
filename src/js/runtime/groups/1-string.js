/* Group 1: ES2015+ String methods and statics with the string and
 * matchAll iterators, reached through stubs (lib[] in src/js/runtime.c).
 *
 * Strings are indexed in UTF-16 units (js/utf16.c): a character outside
 * the BMP is its two surrogates, which cp() puts back together.
 *
 * Like every group, this file is the body of a function (rt, G, Object)
 * that rt.load() in 10-symbol.js compiles the first time the group is
 * needed; its text is served from C (runtime_groups[]), so a VU that
 * never uses the group never lexes it. */
var h = rt.load(7), int = h.int,
StrIter = Object.create(h.IterProto), ReIter = Object.create(h.IterProto);
h.tag(StrIter, "String Iterator");
h.tag(ReIter, "RegExp String Iterator");
function cp(s, j) {
	var c = s.charCodeAt(j), d;
	if (c >= 0xd800 && c <= 0xdbff && j + 1 < s.length) {
		d = s.charCodeAt(j + 1);
		if (d >= 0xdc00 && d <= 0xdfff)
			return (c - 0xd800) * 0x400 + d - 0xdc00 + 0x10000;
	}
	return c;
}
function rep(s, n) {
	var r = "";
	for (; n > 0; n = Math.floor(n / 2), s += s)
		if (n % 2)
		r += s;
	return r;
}
function ws(c) {
	return c === 32 || c >= 9 && c <= 13 || c === 0xa0 || c === 0x1680 ||
	c >= 0x2000 && c <= 0x200a || c === 0x2028 || c === 0x2029 ||
	c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
function isRe(a) {
	return Object.prototype.toString.call(a) === "[object RegExp]";
}
function notRe(a, name) {
	if (isRe(a))
		throw new TypeError("First argument to String.prototype." + name +
	" must not be a regular expression");
	return String(a);
}
function sub(t, m, p, s) {
	return t.replace(/\$([$&`'])/g, function (x, c) {
		return c === "$" ? "$" : c === "&" ? m :
		c === "`" ? s.slice(0, p) : s.slice(p + m.length);
	});
}
function d(op, s, a, b, c, args) {
	var n, r, i, t, f, e, x;
	if (op < 13 || op >= 17) {
		if (s == null)
			throw new TypeError("String.prototype method called on null or undefined");
		s = String(s);
		n = s.length;
	}
	switch (op) {
	case 17:
	case 18:
		for (r = "", i = 0, t = 0; i < n; i++) {
			x = s.charCodeAt(i);
			if (x >= 0xd800 && x <= 0xdbff && i + 1 < n &&
			    (e = s.charCodeAt(i + 1)) >= 0xdc00 && e <= 0xdfff) {
				i++;
				continue;
			}
			if (x >= 0xd800 && x <= 0xdfff) {
				if (op === 17)
					return false;
				r += s.slice(t, i) + "\ufffd";
				t = i + 1;
			}
		}
		return op === 17 ? true : r + s.slice(t);
	case 0:
		return s.indexOf(notRe(a, "includes"), int(b)) !== -1;
	case 1:
		t = notRe(a, "startsWith");
		i = Math.min(Math.max(int(b), 0), n);
		return s.slice(i, i + t.length) === t;
	case 2:
		t = notRe(a, "endsWith");
		e = b === undefined ? n : Math.min(Math.max(int(b), 0), n);
		i = e - t.length;
		return i >= 0 && s.slice(i, e) === t;
	case 3:
	case 4:
		i = h.len(a);
		t = b === undefined ? " " : String(b);
		if (i <= n || t === "")
			return s;
		i -= n;
		t = rep(t, Math.ceil(i / t.length)).slice(0, i);
		return op === 3 ? t + s : s + t;
	case 5:
		i = int(a);
		if (i < 0 || i === Infinity)
			throw new RangeError("Invalid count value: " + a);
		return rep(s, i);
	case 6:
		for (i = 0; i < n && ws(s.charCodeAt(i)); i++)
			;
		return s.slice(i);
	case 7:
		for (i = n; i > 0 && ws(s.charCodeAt(i - 1)); i--)
			;
		return s.slice(0, i);
	case 8:
		i = int(a);
		return i < 0 || i >= n ? undefined : cp(s, i);
	case 9:
		if (isRe(a)) {
			if (!a.global)
				throw new TypeError("String.prototype.matchAll called with a non-global RegExp argument");
			r = new RegExp(a, a.flags);
			r.lastIndex = a.lastIndex;
		} else
			r = new RegExp(a === undefined ? "" : String(a), "g");
		r = h.iter(ReIter, r, 0);
		r._s = s;
		return r;
	case 10:
		if (isRe(a)) {
			if (!a.global)
				throw new TypeError("replaceAll must be called with a global RegExp");
			return s.replace(a, b);
		}
		t = String(a);
		f = typeof b === "function";
		if (!f)
			b = String(b);
		r = "";
		e = 0;
		for (i = s.indexOf(t); i !== -1; ) {
			r += s.slice(e, i) + (f ? String(b(t, i, s)) : b.indexOf("$") < 0 ? b : sub(b, t, i, s));
			e = i + t.length;
			i = t !== "" ? s.indexOf(t, e) : i < n ? i + 1 : -1;
		}
		return r + s.slice(e);
	case 11:
		i = int(a);
		if (i < 0)
			i += n;
		return i < 0 || i >= n ? undefined : s.charAt(i);
	case 12:
		return h.iter(StrIter, s, 0);
	case 13:
		t = s._t;
		i = s._i;
		if (t === undefined || i >= t.length) {
			s._t = undefined;
			return h.step(undefined, true);
		}
		n = cp(t, i) > 0xffff ? 2 : 1;
		s._i = i + n;
		return h.step(t.slice(i, i + n), false);
	case 14:
		r = s._t;
		x = r && r.exec(s._s);
		if (!x) {
			s._t = undefined;
			return h.step(undefined, true);
		}
		if (x[0] === "") {
			/* AdvanceStringIndex: a whole pair with u */
			i = int(r.lastIndex);
			r.lastIndex = i + (r.unicode && cp(s._s, i) > 0xffff ? 2 : 1);
		}
		return h.step(x, false);
	case 15:
		for (t = "", i = 0; i < args.length; i++) {
			c = +args[i];
			if (c !== int(c) || c < 0 || c > 0x10ffff)
				throw new RangeError("Invalid code point " + args[i]);
			if (c > 0xffff) {
				c -= 0x10000;
				t += String.fromCharCode(0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));
			} else
				t += String.fromCharCode(c);
		}
		return t;
	case 16:
		r = h.obj(h.obj(a).raw);
		n = h.len(r.length);
		for (t = "", i = 0; i < n; i++) {
			t += String(r[i]);
			if (i + 1 < n && i + 1 < args.length)
				t += G.__ly_str(args[i + 1]);	/* js/symbol.c */
		}
		return t;
	}
}
h.inst(d, StrIter, ["next"], 13);
h.inst(d, ReIter, ["next"], 14);
return d;
