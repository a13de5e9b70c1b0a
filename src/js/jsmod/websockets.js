/* k6/websockets: the browser-like WebSocket and Blob of k6.  A socket's
 * events reach it through the VU's event loop: src/js/ws.c's run_ready
 * calls this._event(ev) for each, and the iteration ends only when every
 * socket of the VU is closed.  The connection and the metrics are the
 * primitives P of src/js/ws.c, shared with k6/ws. */

var CONNECTING = 0, OPEN = 1, CLOSING = 2, CLOSED = 3;
var EVENTS = ['open', 'message', 'error', 'close', 'ping', 'pong'];

function canonical(k)
{
	return String(k).toLowerCase().replace(/(^|-)([a-z])/g, function (m, d, c) {
		return d + c.toUpperCase();
	});
}

/* Blob */

function Blob(parts, options)
{
	var chunks = [], n = 0, i, p, b, all, t = '';

	if (!(this instanceof Blob))
		throw new TypeError("Class constructor Blob cannot be invoked without 'new'");
	if (parts !== undefined && parts !== null) {
		if (!Array.isArray(parts))
			throw new Error('failed to process [blobParts]: unsupported type: ' + typeof parts);
		for (i = 0; i < parts.length; i++) {
			p = parts[i];
			if (typeof p === 'string')
				b = new Uint8Array(P.bytes(p));
			else if (p instanceof ArrayBuffer)
				b = new Uint8Array(p.slice(0));
			else if (ArrayBuffer.isView(p))
				b = new Uint8Array(p.buffer.slice(p.byteOffset, p.byteOffset + p.byteLength));
			else if (p instanceof Blob)
				b = p._bytes;
			else
				throw new Error('failed to process [blobParts]: unsupported type: ' + typeof p);
			chunks.push(b);
			n += b.length;
		}
	}
	if (options !== undefined && options !== null) {
		if (typeof options !== 'object')
			throw new Error('[options] must be an object');
		if (options.type !== undefined)
			t = String(options.type).toLowerCase();
	}
	all = new Uint8Array(n);
	for (i = 0, n = 0; i < chunks.length; i++) {
		all.set(chunks[i], n);
		n += chunks[i].length;
	}
	Object.defineProperty(this, '_bytes', { value: all });
	Object.defineProperty(this, '_type', { value: t });
}

Object.defineProperty(Blob.prototype, 'size', { get: function () { return this._bytes.length; } });
Object.defineProperty(Blob.prototype, 'type', { get: function () { return this._type; } });

Blob.prototype.arrayBuffer = function () {
	var b = this._bytes;

	return new Promise(function (resolve) { resolve(b.buffer.slice(0)); });
};

Blob.prototype.bytes = function () {
	var b = this._bytes;

	return new Promise(function (resolve) { resolve(new Uint8Array(b)); });
};

Blob.prototype.text = function () {
	var b = this._bytes;

	return new Promise(function (resolve) { resolve(P.text(b.buffer)); });
};

Blob.prototype.slice = function (start, end, type) {
	var n = this._bytes.length, from = start === undefined ? 0 : Number(start) | 0,
	    to = end === undefined ? n : Number(end) | 0;

	if (from < 0)
		from = Math.max(n + from, 0);
	if (to < 0)
		to = Math.max(n + to, 0);
	from = Math.min(from, n);
	to = Math.min(Math.max(to, from), n);
	return new Blob([this._bytes.subarray(from, to)], { type: type === undefined ? '' : type });
};

Blob.prototype.toString = function () { return '[object Blob]'; };

/* WebSocket */

function WebSocket(url, protocols, params)
{
	var hdrs, k, tags, jar = true, comp, list = [], i, deflate = false;

	if (!(this instanceof WebSocket))
		throw new TypeError("Class constructor WebSocket cannot be invoked without 'new'");
	if (P.inInit())
		throw new Error('using websockets in the init context is not supported');
	if (url === undefined || url === null)
		throw new Error('WebSocket requires a url');
	url = String(url);
	k = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
	if (k === null || (k[1].toLowerCase() !== 'ws' && k[1].toLowerCase() !== 'wss'))
		throw new Error('WebSocket requires url with scheme ws or wss, but got "' +
		    (k === null ? '' : k[1]) + '"');
	if (url.indexOf('#') >= 0)
		throw new Error('WebSocket requires no url fragment, but got "' +
		    url.slice(url.indexOf('#') + 1) + '"');
	hdrs = { 'User-Agent': P.userAgent() };
	if (params !== undefined && params !== null) {
		for (k in params) {
			switch (k) {
			case 'headers':
				if (params.headers !== undefined && params.headers !== null)
					for (i in params.headers)
						hdrs[canonical(i)] = String(params.headers[i]);
				break;
			case 'tags':
				if (params.tags !== undefined && params.tags !== null && typeof params.tags !== 'object')
					throw new Error('invalid WebSocket tags option: invalid metric tags, the tags must be an object');
				tags = params.tags;
				break;
			case 'jar':
				if (params.jar !== undefined && params.jar !== null)
					jar = params.jar;
				break;
			case 'compression':
				comp = String(params.compression).trim();
				if (comp !== '' && comp !== 'deflate')
					throw new Error("unsupported compression algorithm '" + comp +
					    "', supported algorithm is 'deflate'");
				deflate = comp === 'deflate';
				break;
			default:
				throw new Error("unknown WebSocket's option " + k);
			}
		}
	}
	if (protocols !== undefined && protocols !== null) {
		if (Array.isArray(protocols))
			for (i = 0; i < protocols.length; i++)
				list.push(String(protocols[i]));
		else
			list.push(String(protocols));
	}
	if (list.length > 0)
		hdrs['Sec-Websocket-Protocol'] = list.join(', ');
	Object.defineProperty(this, '_s', { value: {
		state: CONNECTING, binaryType: 'blob', protocol: '', extensions: [],
		on: {}, listeners: {}, closeCode: 0, closeReason: '', h: null,
	} });
	Object.defineProperty(this, 'url', { value: url, enumerable: true });
	this._s.h = P.open(url, hdrs, tags, jar, this, deflate);
}

function defineOn(name)
{
	Object.defineProperty(WebSocket.prototype, 'on' + name, {
		get: function () { return this._s.on[name] || null; },
		set: function (fn) {
			if (fn === undefined || fn === null) {
				delete this._s.on[name];
				return;
			}
			if (typeof fn !== 'function')
				throw new Error("a value for 'on" + name + "' should be callable");
			this._s.on[name] = fn;
		},
	});
}

for (var ei = 0; ei < EVENTS.length; ei++)
	defineOn(EVENTS[ei]);

Object.defineProperty(WebSocket.prototype, 'readyState', { get: function () { return this._s.state; } });
Object.defineProperty(WebSocket.prototype, 'protocol', { get: function () { return this._s.protocol; } });
Object.defineProperty(WebSocket.prototype, 'extensions', { get: function () { return this._s.extensions; } });
Object.defineProperty(WebSocket.prototype, 'bufferedAmount', {
	get: function () { return this._s.state === CLOSED ? 0 : P.buffered(this._s.h); },
});
Object.defineProperty(WebSocket.prototype, 'binaryType', {
	get: function () { return this._s.binaryType; },
	set: function (t) {
		t = String(t);
		if (t !== 'blob' && t !== 'arraybuffer')
			throw new Error('unknown binaryType ' + t + ', the supported ones are "blob" and "arraybuffer"');
		this._s.binaryType = t;
	},
});

WebSocket.prototype.addEventListener = function (type, handler) {
	type = String(type);
	if (typeof handler !== 'function')
		throw new Error('handler for event type "' + type + '" isn\'t a callable function');
	if (EVENTS.indexOf(type) < 0) {
		console.warn("can't add event handler: unknown event type: " + type);
		return;
	}
	if (!this._s.listeners[type])
		this._s.listeners[type] = [];
	this._s.listeners[type].push(handler);
};

function assertOpen(s)
{
	if (s._s.state !== OPEN)
		throw new Error('InvalidStateError');
}

WebSocket.prototype.send = function (data) {
	var err;

	assertOpen(this);
	if (typeof data === 'string')
		err = P.send(this._s.h, data, false);
	else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data))
		err = P.send(this._s.h, data, true);
	else if (data instanceof Blob)
		err = P.send(this._s.h, data._bytes, true);
	else
		throw new Error('unsupported send type ' + (data === null ? '<nil>' : typeof data));
	if (err !== null)
		this._fail(err);
};

WebSocket.prototype.ping = function () {
	var err;

	assertOpen(this);
	err = P.ping(this._s.h);
	if (err !== null)
		this._fail(err);
};

WebSocket.prototype.close = function (code, reason) {
	var s = this._s;

	if (s.state === CLOSED || s.state === CLOSING)
		return;
	code = code === undefined || code === null ? 0 : Number(code) | 0;
	reason = reason === undefined || reason === null ? '' : String(reason);
	if (code !== 0 && code !== 1000 && !(code >= 3000 && code <= 4999))
		throw new Error("InvalidAccessError: Failed to execute 'close' on 'WebSocket': " +
		    'The close code must be either 1000, or between 3000 and 4999. ' + code + ' is neither');
	if (P.bytes(reason).byteLength > 123)
		throw new Error("SyntaxError: Failed to execute 'close' on 'WebSocket': " +
		    'The message must not be greater than 123 bytes');
	if (code === 0)
		code = 1000;
	s.state = CLOSING;
	s.closeCode = code;
	P.close(s.h, code, reason, true);
};

WebSocket.prototype._event = function (type, now, extra) {
	var ev = {}, self = this, k, all = [], i;

	Object.defineProperty(ev, 'type', { get: function () { return type; }, enumerable: true });
	Object.defineProperty(ev, 'target', { get: function () { return self; }, enumerable: true });
	Object.defineProperty(ev, 'timestamp', { get: function () { return now; }, enumerable: true });
	for (k in extra)
		Object.defineProperty(ev, k, { value: extra[k], enumerable: true });
	if (this._s.on[type])
		all.push(this._s.on[type]);
	if (this._s.listeners[type])
		all = all.concat(this._s.listeners[type]);
	for (i = 0; i < all.length; i++)
		all[i].call(undefined, ev);
};

WebSocket.prototype._closed = function (err) {
	var s = this._s, extra = { reason: s.closeReason };

	if (s.state === CLOSED)
		return;
	s.state = CLOSED;
	if (err)
		this._event('error', Date.now(), { error: err });
	if (s.closeCode !== 0)
		extra.code = s.closeCode;
	this._event('close', Date.now(), extra);
};

WebSocket.prototype._fail = function (err) {
	P.close(this._s.h, 0, '', false);
	this._closed(err);
};

/* One event of the connection (src/js/ws.c's run_ready). */
WebSocket.prototype._dispatch = function (ev) {
	var s = this._s, data, r;

	switch (ev.type) {
	case 'open':
		r = P.response(s.h);
		s.protocol = r.protocol;
		s.extensions = [];
		for (var i = 0; i + 1 < r.headers.length; i += 2)
			if (r.headers[i].toLowerCase() === 'sec-websocket-extensions')
				s.extensions.push(r.headers[i + 1]);
		if (s.state === CONNECTING) {
			s.state = OPEN;
			this._event('open', Date.now(), {});
		}
		break;
	case 'fail':
		this._closed(ev.data);
		break;
	case 'text':
	case 'binary':
		if (s.state !== OPEN)
			break;
		data = ev.data;
		if (ev.type === 'binary' && s.binaryType === 'blob')
			data = new Blob([data]);
		this._event('message', Date.now(), { data: data, origin: this.url });
		break;
	case 'ping':
		this._event('ping', Date.now(), {});
		break;
	case 'pong':
		this._event('pong', Date.now(), {});
		break;
	case 'error':
		s.pendingError = ev.data;
		break;
	case 'close':
		if (ev.code)
			s.closeCode = ev.code;
		if (ev.reason)
			s.closeReason = ev.reason;
		r = s.pendingError;
		s.pendingError = undefined;
		this._closed(r);
		break;
	}
};

return { WebSocket: WebSocket, Blob: Blob };
