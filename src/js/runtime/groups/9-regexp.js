/* Group 9: RegExp and String methods redone with PCRE2 when mujs's own
 * matcher gives up on a large subject (js/regexp.c), compiled on first
 * use.  Each function takes the method's `this` first, then its
 * arguments, and follows the ES5 algorithm on top of __ly_re_exec. */
function flags(re) {
	return (re.ignoreCase ? 'i' : '') + (re.multiline ? 'm' : '');
}
function run(re, s, from) {
	return __ly_re_exec(re.source, flags(re), s, from);
}
function result(r, s) {
	var m = r.slice(1);
	m.index = r[0];
	m.input = s;
	return m;
}
function exec(re, s) {
	var from = re.global ? re.lastIndex : 0, r;
	s = String(s);
	if (from > s.length) {
		re.lastIndex = 0;
		return null;
	}
	r = run(re, s, from);
	if (r === null) {
		if (re.global)
			re.lastIndex = 0;
		return null;
	}
	if (re.global)
		re.lastIndex = r[0] + r[1].length;
	return result(r, s);
}
function toRe(p) {
	return p instanceof RegExp ? p : new RegExp(p);
}
/* Every match of a global regexp, empty ones stepping one forward. */
function all(re, s, each) {
	var from = 0, r;
	while (from <= s.length && (r = run(re, s, from)) !== null) {
		each(r);
		from = r[0] + r[1].length + (r[1].length === 0 ? 1 : 0);
	}
	re.lastIndex = 0;
}
function expand(rep, r, s) {
	var m = r.slice(1), out = '', i, c, d;
	for (i = 0; i < rep.length; i++) {
		c = rep.charAt(i);
		if (c !== '$' || i + 1 === rep.length) {
			out += c;
			continue;
		}
		c = rep.charAt(++i);
		if (c === '$')
			out += '$';
		else if (c === '&')
			out += m[0];
		else if (c === '`')
			out += s.substring(0, r[0]);
		else if (c === "'")
			out += s.substring(r[0] + m[0].length);
		else if (c >= '0' && c <= '9') {
			d = rep.charAt(i + 1);
			if (d >= '0' && d <= '9' && +(c + d) < m.length) {
				out += m[+(c + d)] || '';
				i++;
			} else if (+c > 0 && +c < m.length)
				out += m[+c] || '';
			else
				out += '$' + c;
		} else
			out += '$' + c;
	}
	return out;
}
return {
	exec: exec,
	test: function (re, s) {
		return exec(re, s) !== null;
	},
	match: function (s, p) {
		var re = toRe(p), out = [];
		s = String(s);
		if (!re.global)
			return exec(re, s);
		all(re, s, function (r) { out.push(r[1]); });
		return out.length ? out : null;
	},
	replace: function (s, p, rep) {
		var re = toRe(p), out = '', last = 0, fn = typeof rep === 'function';
		function one(r) {
			out += s.substring(last, r[0]);
			out += fn ? String(rep.apply(undefined, r.slice(1).concat([r[0], s]))) :
			    expand(String(rep), r, s);
			last = r[0] + r[1].length;
		}
		s = String(s);
		if (re.global)
			all(re, s, one);
		else if ((p = run(re, s, 0)) !== null)
			one(p);
		return out + s.substring(last);
	},
	search: function (s, p) {
		var r = run(toRe(p), String(s), 0);
		return r === null ? -1 : r[0];
	},
	split: function (s, p, limit) {
		var re = toRe(p), out = [], last = 0, from = 0, r, max;
		s = String(s);
		max = limit === undefined ? 4294967295 : limit >>> 0;
		if (max === 0)
			return out;
		while (from < s.length && (r = run(re, s, from)) !== null) {
			if (r[1].length === 0 && r[0] >= s.length)
				break;
			if (r[1].length === 0 && r[0] === last) {
				from = r[0] + 1;
				continue;
			}
			out.push(s.substring(last, r[0]));
			if (out.length === max)
				return out;
			Array.prototype.push.apply(out, r.slice(2));
			last = r[0] + r[1].length;
			from = last + (r[1].length === 0 ? 1 : 0);
		}
		out.push(s.substring(last));
		return out.length > max ? out.slice(0, max) : out;
	}
};
