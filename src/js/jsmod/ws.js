/* k6/ws: ws.connect(url, params, callback) blocks the VU until the socket
 * closes, running the socket's handlers and its timers meanwhile, as
 * k6's does.  The connection, its metrics and the waiting are the
 * primitives P of src/js/ws.c. */

/* Go's canonical header key: "content-type" is "Content-Type". */
function canonical(k)
{
	return String(k).toLowerCase().replace(/(^|-)([a-z])/g, function (m, d, c) {
		return d + c.toUpperCase();
	});
}

function GoError(msg)
{
	this.message = msg;
}
GoError.prototype.error = function () { return this.message; };
GoError.prototype.toString = function () { return this.message; };

/* The name of v's constructor ("String" for a string). */
function ctorName(v)
{
	var c = Object(v).constructor, m;

	if (typeof c !== 'function')
		return 'Object';
	if (typeof c.name === 'string' && c.name !== '')
		return c.name;
	m = /function\s+([^\s(]+)/.exec(Function.prototype.toString.call(c));
	return m ? m[1] : 'Object';
}

function headersOf(list)
{
	var h = {}, i, k;

	for (i = 0; i + 1 < list.length; i += 2) {
		k = canonical(list[i]);
		h[k] = Object.prototype.hasOwnProperty.call(h, k) ? h[k] + ', ' + list[i + 1] : list[i + 1];
	}
	return h;
}

function Socket(h)
{
	this._h = h;
	this._handlers = {};
	this._timers = [];
	this._done = false;
}

Socket.prototype.on = function (event, handler) {
	if (typeof handler !== 'function')
		return;
	if (!this._handlers[event])
		this._handlers[event] = [];
	this._handlers[event].push(handler);
};

Socket.prototype._emit = function (event, arg) {
	var hs = this._handlers[event], i;

	if (!hs)
		return;
	for (i = 0; i < hs.length; i++)
		if (arguments.length > 1)
			hs[i].call(undefined, arg);
		else
			hs[i].call(undefined);
};

Socket.prototype.send = function (message) {
	var err = P.send(this._h, String(message), false);

	if (err !== null)
		this._emit('error', new GoError(err));
};

Socket.prototype.sendBinary = function (message) {
	var err, t;

	if (arguments.length === 0)
		throw new Error('missing argument, expected ArrayBuffer');
	if (!(message instanceof ArrayBuffer)) {
		if (message === null || message === undefined)
			t = String(message);
		else
			t = ctorName(message);
		throw new Error('expected ArrayBuffer as argument, received: ' + t);
	}
	err = P.send(this._h, message, true);
	if (err !== null)
		this._emit('error', new GoError(err));
};

Socket.prototype.ping = function () {
	var err = P.ping(this._h);

	if (err !== null)
		this._emit('error', new GoError(err));
};

Socket.prototype._closeWith = function (code) {
	if (this._done)
		return;
	this._done = true;
	P.close(this._h, code, '', false);
	this._emit('close', code);
};

Socket.prototype.close = function (code) {
	this._closeWith(code === undefined ? 1001 : Number(code) | 0);
};

function schedule(s, fn, ms, every, what)
{
	var d = Number(ms);

	if (!(d > 0))
		throw new Error(what + ' requires a >0 timeout parameter, received ' +
		    (isNaN(d) ? 'NaN' : d.toFixed(2)));
	s._timers.push({ fn: fn, at: P.now() + d, every: every ? d : 0 });
}

Socket.prototype.setTimeout = function (fn, ms) {
	schedule(this, fn, ms, false, 'setTimeout');
};

Socket.prototype.setInterval = function (fn, ms) {
	schedule(this, fn, ms, true, 'setInterval');
};

/* Run the timers that are due, earliest first, as k6's, whose timers each
 * fire at their time: after the VU was held up, a timer due at 250 ms
 * still runs before one due at 275 ms whatever the order they were set
 * in.  Each runs once a call, so a slow interval cannot starve the
 * socket.  The milliseconds to the next, or -1. */
Socket.prototype._runTimers = function () {
	var now = P.now(), next = -1, due = [], i, t;

	for (i = 0; i < this._timers.length; i++)
		if (this._timers[i].at <= now)
			due.push({ t: this._timers[i], i: i });
	due.sort(function (a, b) { return a.t.at - b.t.at || a.i - b.i; });
	for (i = 0; i < due.length && !this._done; i++) {
		t = due[i].t;
		if (t.every > 0)
			t.at += t.every * Math.max(1, Math.ceil((now - t.at) / t.every));
		else
			this._timers.splice(this._timers.indexOf(t), 1);
		t.fn.call(undefined);
		now = P.now();
	}
	for (i = 0; i < this._timers.length; i++) {
		t = this._timers[i];
		if (next < 0 || t.at - now < next)
			next = Math.max(t.at - now, 0.001);
	}
	return next;
};

Socket.prototype._dispatch = function (ev) {
	switch (ev.type) {
	case 'text':
		this._emit('message', ev.data);
		break;
	case 'binary':
		this._emit('binaryMessage', ev.data);
		break;
	case 'ping':
		this._emit('ping');
		break;
	case 'pong':
		this._emit('pong');
		break;
	case 'error':
		this._emit('error', new GoError(ev.data));
		break;
	case 'close':
		this._closeWith(ev.code);
		break;
	}
};

function connect(url)
{
	var params, callback, h, ev, res, s, hdrs, k, jar = true, tags, comp, r, deflate = false;

	if (arguments.length === 3) {
		params = arguments[1];
		callback = arguments[2];
	} else if (arguments.length === 2)
		callback = arguments[1];
	else
		throw new Error('invalid number of arguments to ws.connect');
	if (P.inInit())
		throw new Error('using websockets in the init context is not supported');
	if (typeof callback !== 'function')
		throw new Error('last argument to ws.connect must be a function');
	url = String(url);
	hdrs = { 'User-Agent': P.userAgent() };
	if (params !== undefined && params !== null) {
		if (params.headers !== undefined && params.headers !== null)
			for (k in params.headers)
				hdrs[canonical(k)] = String(params.headers[k]);
		if (params.tags !== undefined && params.tags !== null) {
			if (typeof params.tags !== 'object')
				throw new Error('invalid ws.connect() metric tags: ' +
				    'invalid metric tags, the tags must be an object');
			tags = params.tags;
		}
		if (params.jar !== undefined && params.jar !== null)
			jar = params.jar;
		if (params.compression !== undefined && params.compression !== null) {
			comp = String(params.compression).trim();
			if (comp !== '' && comp !== 'deflate')
				throw new Error("unsupported compression algorithm '" + comp +
				    "', supported algorithm is 'deflate'");
			deflate = comp === 'deflate';
		}
	}
	try {
		h = P.open(url, hdrs, tags, jar, null, deflate);
	} catch (e) {
		if (P.throwErrors())
			throw new Error(String(e));
		return { url: '', status: 0, headers: {}, body: '', error: String(e) };
	}
	ev = P.wait(h, -1);
	if (ev.type === 'fail') {
		r = P.response(h);
		P.end(h);
		if (P.throwErrors())
			throw new Error(ev.data);
		if (r.status !== 0)
			return { url: '', status: r.status, headers: headersOf(r.headers),
			    body: r.body, error: '' };
		return { url: '', status: 0, headers: {}, body: '', error: ev.data };
	}
	s = new Socket(h);
	try {
		callback.call(undefined, s);
		r = P.response(h);
		res = { url: url, status: r.status, headers: headersOf(r.headers),
		    body: r.body, error: '' };
		s._emit('open');
		while (!s._done) {
			ev = P.wait(h, s._runTimers());
			if (ev !== null && !s._done)
				s._dispatch(ev);
		}
	} catch (e) {
		if (!s._done) {
			s._done = true;
			P.close(h, 1001, '', false);
		}
		P.end(h);
		throw e;
	}
	P.end(h);
	return res;
}

var ws = { connect: connect };
return ws;
