/* k6/experimental/streams: ReadableStream with its default reader and
 * controller, and CountQueuingStrategy, after the WHATWG Streams standard
 * as k6 implements it (no byte streams, no BYOB reader, no tee).  The
 * body of a function (P) returning the module; every VU makes its own. */
var STATE = '@@ly:stream';

function kerror(name, message)
{
	var e = new Error(message);

	e.name = name;
	return e;
}

function noop() {}

function deferred()
{
	var d = {};

	d.promise = new Promise(function (res, rej) {
		d.resolve = res;
		d.reject = rej;
	});
	return d;
}

function rejected(e)
{
	var p = Promise.reject(e);

	p.then(null, noop);
	return p;
}

function hidden(o, k, v)
{
	Object.defineProperty(o, k, { value: v, writable: true });
}

/* A promise that is rejected with nobody waiting is not an error here. */
function handled(p)
{
	p.then(null, noop);
	return p;
}

function strategyOf(strategy)
{
	var hwm, size;

	if (strategy === undefined || strategy === null)
		strategy = {};
	hwm = strategy.highWaterMark;
	if (hwm === undefined)
		hwm = 1;
	hwm = Number(hwm);
	if (hwm !== hwm || hwm < 0)
		throw new RangeError('highWaterMark must be a non-negative number');
	size = strategy.size;
	if (size !== undefined && typeof size !== 'function')
		throw new TypeError('size must be a function');
	return { hwm: hwm, size: size };
}

function sourceMethod(source, name)
{
	var f = source[name];

	if (f === undefined || f === null)
		return undefined;
	if (typeof f !== 'function')
		throw new TypeError('underlyingSource.[[' + name + ']] must be a function');
	return f;
}

/* The stream's state: s.state is 'readable', 'closed' or 'errored'. */
function ReadableStream(source, strategy)
{
	var s, c, st, start, r;

	if (!(this instanceof ReadableStream))
		throw new TypeError('ReadableStream constructor must be called with new');
	if (source === undefined)
		source = {};
	if (source === null || typeof source !== 'object')
		throw new TypeError('underlyingSource must be an object');
	/* As k6: only 'bytes' is a type, and it is not supported. */
	st = strategyOf(strategy);
	if (source.type !== undefined) {
		if (String(source.type) !== 'bytes')
			throw new TypeError('invalid underlying source type');
		throw kerror('NotSupportedError', "'bytes' stream is not supported yet");
	}
	s = { state: 'readable', reader: undefined, stored: undefined,
	    disturbed: false, controller: undefined };
	hidden(this, STATE, s);
	c = Object.create(ReadableStreamDefaultController.prototype);
	hidden(c, STATE, {
		stream: s, source: source, queue: [], sizes: [], total: 0,
		started: false, closeRequested: false, pulling: false,
		pullAgain: false, hwm: st.hwm, size: st.size,
		pull: sourceMethod(source, 'pull'),
		cancel: sourceMethod(source, 'cancel')
	});
	s.controller = c;
	start = sourceMethod(source, 'start');
	r = start !== undefined ? start.call(source, c) : undefined;
	Promise.resolve(r).then(function () {
		c[STATE].started = true;
		callPullIfNeeded(c[STATE]);
	}, function (e) {
		controllerError(c[STATE], e);
	});
}

function isStream(x)
{
	return x !== null && typeof x === 'object' && x instanceof ReadableStream;
}

Object.defineProperty(ReadableStream.prototype, 'locked', {
	get: function () { return this[STATE].reader !== undefined; }
});

ReadableStream.prototype.cancel = function (reason) {
	if (!isStream(this))
		return rejected(new TypeError('stream is undefined'));
	if (this[STATE].reader !== undefined)
		return rejected(new TypeError('cannot cancel a locked stream'));
	return streamCancel(this[STATE], reason);
};

ReadableStream.prototype.getReader = function (options) {
	if (options !== undefined && options !== null && options.mode !== undefined) {
		if (String(options.mode) !== 'byob')
			throw new TypeError("options.mode is not 'byob'");
		throw kerror('NotSupportedError', "'byob' mode is not supported yet");
	}
	return new ReadableStreamDefaultReader(this);
};

ReadableStream.prototype.tee = function () {
	throw kerror('NotSupportedError', "'tee()' is not supported yet");
};

function streamCancel(s, reason)
{
	var c, r;

	s.disturbed = true;
	if (s.state === 'closed')
		return Promise.resolve(undefined);
	if (s.state === 'errored')
		return rejected(s.stored);
	streamClose(s);
	c = s.controller[STATE];
	c.queue = [];
	c.sizes = [];
	c.total = 0;
	try {
		r = c.cancel !== undefined ? c.cancel.call(c.source, reason) : undefined;
	} catch (e) {
		clearAlgorithms(c);
		return rejected(e);
	}
	clearAlgorithms(c);
	return Promise.resolve(r).then(function () { return undefined; });
}

function streamClose(s)
{
	var reader = s.reader, reqs, i;

	s.state = 'closed';
	if (reader === undefined)
		return;
	reader = reader[STATE];
	reader.closed.resolve(undefined);
	reqs = reader.requests;
	reader.requests = [];
	for (i = 0; i < reqs.length; i++)
		reqs[i].resolve({ value: undefined, done: true });
}

function streamError(s, e)
{
	var reader = s.reader, reqs, i;

	s.state = 'errored';
	s.stored = e;
	if (reader === undefined)
		return;
	reader = reader[STATE];
	reader.closed.reject(e);
	reqs = reader.requests;
	reader.requests = [];
	for (i = 0; i < reqs.length; i++)
		reqs[i].reject(e);
}

/* The controller, which k6 hands to start and pull. */
function ReadableStreamDefaultController()
{
	throw new TypeError('ReadableStreamDefaultController is not constructable');
}

function canCloseOrEnqueue(c)
{
	return !c.closeRequested && c.stream.state === 'readable';
}

function desiredSize(c)
{
	if (c.stream.state === 'errored')
		return null;
	if (c.stream.state === 'closed')
		return 0;
	return c.hwm - c.total;
}

function clearAlgorithms(c)
{
	c.pull = undefined;
	c.cancel = undefined;
	c.size = undefined;
}

function controllerError(c, e)
{
	if (c.stream.state !== 'readable')
		return;
	c.queue = [];
	c.sizes = [];
	c.total = 0;
	clearAlgorithms(c);
	streamError(c.stream, e);
}

function pendingReads(s)
{
	return s.reader !== undefined ? s.reader[STATE].requests.length : 0;
}

function callPullIfNeeded(c)
{
	var r;

	if (!canCloseOrEnqueue(c) || !c.started)
		return;
	if (pendingReads(c.stream) === 0 && !(desiredSize(c) > 0))
		return;
	if (c.pulling) {
		c.pullAgain = true;
		return;
	}
	c.pulling = true;
	try {
		r = c.pull !== undefined ? c.pull.call(c.source, c.stream.controller) :
		    undefined;
	} catch (e) {
		r = rejected(e);
	}
	Promise.resolve(r).then(function () {
		c.pulling = false;
		if (c.pullAgain) {
			c.pullAgain = false;
			callPullIfNeeded(c);
		}
	}, function (e) {
		controllerError(c, e);
	});
}

Object.defineProperty(ReadableStreamDefaultController.prototype, 'desiredSize', {
	get: function () { return desiredSize(this[STATE]); }
});

ReadableStreamDefaultController.prototype.close = function () {
	var c = this[STATE];

	if (!canCloseOrEnqueue(c))
		throw new TypeError('cannot close or enqueue');
	c.closeRequested = true;
	if (c.queue.length === 0) {
		clearAlgorithms(c);
		streamClose(c.stream);
	}
};

ReadableStreamDefaultController.prototype.enqueue = function (chunk) {
	var c = this[STATE], s = c.stream, size = 1, req;

	if (!canCloseOrEnqueue(c))
		throw new TypeError('cannot close or enqueue');
	if (pendingReads(s) > 0) {
		req = s.reader[STATE].requests.shift();
		req.resolve({ value: chunk, done: false });
	} else {
		if (c.size !== undefined) {
			try {
				size = c.size.call(undefined, chunk);
			} catch (e) {
				controllerError(c, e);
				throw e;
			}
		}
		size = Number(size);
		if (size !== size || size < 0 || size === Infinity) {
			var err = new RangeError('size must be a finite, non-NaN number');

			controllerError(c, err);
			throw err;
		}
		c.queue.push(chunk);
		c.sizes.push(size);
		c.total += size;
	}
	callPullIfNeeded(c);
};

ReadableStreamDefaultController.prototype.error = function (e) {
	controllerError(this[STATE], e);
};

/* The default reader. */
function ReadableStreamDefaultReader(stream)
{
	var s, r;

	if (!(this instanceof ReadableStreamDefaultReader))
		throw new TypeError('ReadableStreamDefaultReader constructor must be called with new');
	if (arguments.length < 1)
		throw new TypeError('ReadableStreamDefaultReader takes a single argument');
	if (!isStream(stream))
		throw new TypeError('ReadableStreamDefaultReader argument must be a ReadableStream');
	s = stream[STATE];
	if (s.reader !== undefined)
		throw new TypeError('stream is locked');
	r = { stream: s, requests: [], closed: deferred() };
	handled(r.closed.promise);
	if (s.state === 'closed')
		r.closed.resolve(undefined);
	else if (s.state === 'errored')
		r.closed.reject(s.stored);
	hidden(this, STATE, r);
	s.reader = this;
}

Object.defineProperty(ReadableStreamDefaultReader.prototype, 'closed', {
	get: function () { return this[STATE].closed.promise; }
});

ReadableStreamDefaultReader.prototype.read = function () {
	var r = this[STATE], s = r.stream, c, chunk, d;

	if (s === undefined)
		return rejected(new TypeError('stream is undefined'));
	s.disturbed = true;
	if (s.state === 'closed')
		return Promise.resolve({ value: undefined, done: true });
	if (s.state === 'errored')
		return rejected(s.stored);
	c = s.controller[STATE];
	if (c.queue.length > 0) {
		chunk = c.queue.shift();
		c.total -= c.sizes.shift();
		if (c.total < 0)
			c.total = 0;
		if (c.closeRequested && c.queue.length === 0) {
			clearAlgorithms(c);
			streamClose(s);
		} else {
			callPullIfNeeded(c);
		}
		return Promise.resolve({ value: chunk, done: false });
	}
	d = deferred();
	r.requests.push(d);
	callPullIfNeeded(c);
	return d.promise;
};

ReadableStreamDefaultReader.prototype.cancel = function (reason) {
	var s = this[STATE].stream;

	if (s === undefined)
		return rejected(new TypeError('stream is undefined'));
	return streamCancel(s, reason);
};

ReadableStreamDefaultReader.prototype.releaseLock = function () {
	var r = this[STATE], s = r.stream, e = new TypeError('reader released'), reqs, i;

	if (s === undefined)
		return;
	if (s.state === 'readable') {
		r.closed.reject(e);
	} else {
		r.closed = deferred();
		handled(r.closed.promise);
		r.closed.reject(e);
	}
	s.reader = undefined;
	r.stream = undefined;
	reqs = r.requests;
	r.requests = [];
	for (i = 0; i < reqs.length; i++)
		reqs[i].reject(e);
};

/* CountQueuingStrategy({ highWaterMark }): every chunk counts 1. */
function CountQueuingStrategy(init)
{
	var hwm;

	if (!(this instanceof CountQueuingStrategy))
		throw new TypeError('CountQueuingStrategy constructor must be called with new');
	if (arguments.length < 1)
		throw new TypeError('CountQueuingStrategy takes a single argument');
	if (init === null || typeof init !== 'object')
		throw new TypeError('CountQueuingStrategy argument must be an object');
	if (!('highWaterMark' in init))
		throw new TypeError("CountQueuingStrategy argument must have 'highWaterMark' property");
	hwm = Number(init.highWaterMark);
	if (hwm !== hwm || hwm < 0)
		throw new RangeError('highWaterMark must be a non-negative number');
	this.highWaterMark = hwm;
}

CountQueuingStrategy.prototype.size = function () { return 1; };

return {
	ReadableStream: ReadableStream,
	ReadableStreamDefaultReader: ReadableStreamDefaultReader,
	CountQueuingStrategy: CountQueuingStrategy
};
