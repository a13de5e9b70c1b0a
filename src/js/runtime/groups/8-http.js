/* Group 8: k6/http's JavaScript side, loaded the first time a VU makes
 * a request or reads http.url or http.Response (js/http.c, http_js): the
 * Response prototype (json() with GJSON paths, the fields made on first
 * use from the raw strings js/http.c leaves in _m) and the http.url
 * tagged template.  Like every group, this file is the body of a function
 * (rt, G, Object) that rt.load() compiles once; it returns the object
 * js/http.c keeps in the registry as "ly.http". */
'use strict';

function Response() {}

/* A GJSON path: "a.b", "a.0.b", "a.#" (length), "a.#.b" (map),
 * "\." escapes a dot; other GJSON syntax is not supported. */
function split(path) {
	var out = [], cur = '', i, c;

	for (i = 0; i < path.length; i++) {
		c = path.charAt(i);
		if (c === '\\' && i + 1 < path.length) {
			cur += path.charAt(++i);
		} else if (c === '.') {
			out.push(cur);
			cur = '';
		} else {
			cur += c;
		}
	}
	out.push(cur);
	return out;
}

function walk(v, parts, k) {
	var key, out, i, r;

	for (; k < parts.length; k++) {
		key = parts[k];
		if (v === null || typeof v !== 'object')
			return undefined;
		if (key === '#' && Array.isArray(v)) {
			if (k + 1 === parts.length)
				return v.length;
			out = [];
			for (i = 0; i < v.length; i++) {
				r = walk(v[i], parts, k + 1);
				if (r !== undefined)
					out.push(r);
			}
			return out;
		}
		if (!Object.prototype.hasOwnProperty.call(v, key))
			return undefined;
		v = v[key];
	}
	return v;
}

/* Properties made on first use from the raw strings js/http.c left
 * in _m (timings, peer, TLS, request, response head). */
function lazy(name, make) {
	function own(o, v) {
		Object.defineProperty(o, name, { value: v, writable: true,
		    enumerable: true, configurable: true });
	}
	Object.defineProperty(Response.prototype, name, {
		get: function () {
			var v = make(this);

			own(this, v);
			return v;
		},
		set: function (v) { own(this, v); },
		enumerable: true, configurable: true
	});
}

/* _m: see push_meta in js/http-response.c. */
function meta(r) {
	return (r._m || '').split('\n', 18);
}

/* The response head: what follows the request header lines. */
function head(r) {
	var m = r._m || '', n = 18 + +(meta(r)[17] || 0), p = 0;

	while (n-- > 0 && p >= 0)
		p = m.indexOf('\n', p) + 1;
	return p > 0 ? m.substring(p) : '';
}

/* HTTP/2 has no reason phrase; Go fills in its own. */
var reasons = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content',
    206: 'Partial Content', 301: 'Moved Permanently', 302: 'Found',
    303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect',
    308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized',
    403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
    409: 'Conflict', 429: 'Too Many Requests', 500: 'Internal Server Error',
    502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

lazy('status_text', function (r) {
	var h = head(r), eol = h.indexOf('\r'), sp = h.indexOf(' '), t;

	if (r.status === 0 || sp < 0)
		return '';
	t = h.substring(sp + 1, eol < 0 ? h.indexOf('\n') : eol).replace(/\s+$/, '');
	if (t === String(r.status) && reasons[r.status])
		t += ' ' + reasons[r.status];
	return t;
});
lazy('headers', function (r) { return self._headers(head(r)); });
lazy('cookies', function (r) { return self._cookies(head(r)); });
lazy('timings', function (r) {
	var m = meta(r);

	var s = m[3] / 1000, w = m[4] / 1000, rc = m[5] / 1000;

	return { blocked: m[0] / 1000, looking_up: 0, connecting: m[1] / 1000,
	    tls_handshaking: m[2] / 1000, sending: s, waiting: w,
	    receiving: rc, duration: s + w + rc };
});
lazy('url', function (r) { return meta(r)[12] || ''; });
lazy('proto', function (r) { return meta(r)[14] || ''; });
lazy('error_code', function (r) { return +(meta(r)[15] || 0); });
lazy('error', function (r) { return meta(r)[16] || ''; });
lazy('remote_ip', function (r) { return meta(r)[7] || ''; });
lazy('remote_port', function (r) { return +(meta(r)[8] || 0); });
lazy('tls_version', function (r) { return meta(r)[9] || ''; });
lazy('tls_cipher_suite', function (r) { return meta(r)[10] || ''; });
lazy('request', function (r) {
	var m = (r._m || '').split('\n', 18 + +(meta(r)[17] || 0)), h = {}, c = {};
	var i, k, kv, p;

	for (i = 18; i < m.length; i++) {
		k = m[i].indexOf(': ');
		if (k > 0)
			(h[m[i].substring(0, k)] = h[m[i].substring(0, k)] || [])
			    .push(m[i].substring(k + 2));
	}
	if (m[13]) {
		h.Cookie = [m[13]];
		kv = m[13].split('; ');
		for (i = 0; i < kv.length; i++) {
			p = kv[i].indexOf('=');
			k = kv[i].substring(0, p);
			(c[k] = c[k] || []).push({ name: k,
			    value: kv[i].substring(p + 1), replace: false });
		}
	}
	return { method: m[11], url: m[12], headers: h,
	    body: r._b === undefined ? '' : r._b, cookies: c };
});

/* JSON.stringify(res) shows every field, as k6's does. */
Response.prototype.toJSON = function () {
	var o = {}, k;

	for (k in this)
		if (typeof this[k] !== 'function')
			o[k] = this[k];
	return o;
};

Response.prototype.json = function (selector) {
	var v;

	if (this.body === null || this.body === undefined)
		throw new Error('the body is null so we can\'t transform it to JSON - ' +
		    'this likely was because of a request error getting the response');
	if (!('_json' in this)) {
		try {
			v = JSON.parse(this.body);
		} catch (e) {
			throw new SyntaxError('cannot parse the response body as JSON: ' +
			    e.message);
		}
		Object.defineProperty(this, '_json', { value: v, enumerable: false });
	}
	if (selector === undefined || selector === null)
		return this._json;
	return walk(this._json, split(String(selector)), 0);
};

Response.prototype.html = function () {
	throw new Error('not supported yet: Response.html() (k6/html)');
};
Response.prototype.submitForm = function () {
	throw new Error('not supported yet: Response.submitForm()');
};
Response.prototype.clickLink = function () {
	throw new Error('not supported yet: Response.clickLink()');
};

/* http.url`https://x/${id}`: the name tag is the template with
 * ${} in place of each value. */
function url(strings) {
	var u = '', n = '', i;

	for (i = 0; i < strings.length; i++) {
		u += strings[i];
		n += strings[i];
		if (i + 1 < strings.length) {
			u += String(arguments[i + 1]);
			n += '${}';
		}
	}
	return { __ly_url: true, url: u, name: n,
	    toString: function () { return u; } };
}

var self = { Response: Response, url: url };

return self;
