/* k6/experimental/streams: ReadableStream with its default reader and
 * controller, WritableStream with its default writer and controller, and
 * CountQueuingStrategy, after the WHATWG Streams standard as k6
 * implements it (no byte streams, no BYOB reader, no tee, no
 * AbortSignal).  The body of a function (P) returning the module; every
 * VU makes its own. */
var STATE = '@@ly:stream';

function kerror(name, message)
{
	var e = new Error(message);

	e.name = name;
	return e;
}

function noop() {}

/* A promise with its resolve and reject; d.pending until either runs. */
function deferred()
{
	var d = { pending: true };

	d.promise = new Promise(function (res, rej) {
		d.resolve = function (v) {
			d.pending = false;
			res(v);
		};
		d.reject = function (e) {
			d.pending = false;
			rej(e);
		};
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

/* What k6 takes for a dictionary argument: an object, not an array nor
 * a function. */
function isDict(x)
{
	return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/* A promise that is rejected with nobody waiting is not an error here. */
function handled(p)
{
	p.then(null, noop);
	return p;
}

/* A stream's queuing strategy, as k6 reads it: the size function first
 * (absent, undefined or null counts every chunk 1), then the high water
 * mark (absent, undefined or null is 1), which must be a number. */
function strategyOf(strategy)
{
	var hwm, size;

	if (strategy === undefined || strategy === null)
		strategy = {};
	size = strategy.size;
	if (size === null)
		size = undefined;
	if (size !== undefined && typeof size !== 'function')
		throw new TypeError('size must be a function');
	hwm = strategy.highWaterMark;
	if (hwm === undefined || hwm === null)
		hwm = 1;
	if (typeof hwm !== 'number' || hwm !== hwm || hwm < 0)
		throw new RangeError('highWaterMark must be a non-negative number');
	return { hwm: hwm, size: size };
}

/* The queue with sizes of a controller q: q.queue, q.sizes, q.total. */
function queueReset(q)
{
	q.queue = [];
	q.sizes = [];
	q.total = 0;
}

function queuePush(q, v, size)
{
	if (size !== size || size < 0 || size === Infinity)
		throw new RangeError('size must be a finite, non-NaN number');
	q.queue.push(v);
	q.sizes.push(size);
	q.total += size;
}

function queueShift(q)
{
	var v = q.queue.shift();

	q.total -= q.sizes.shift();
	if (q.total < 0)	/* rounding */
		q.total = 0;
	return v;
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
	if (!isDict(source))
		throw new TypeError('underlyingSource must be an object');
	/* As k6: only 'bytes' is a type, and it is not supported. */
	if (source.type !== undefined) {
		if (String(source.type) !== 'bytes')
			throw new TypeError('invalid underlying source type');
		throw kerror('NotSupportedError', "'bytes' stream is not supported yet");
	}
	st = strategyOf(strategy);
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
	queueReset(c);
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
	queueReset(c);
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
		try {
			queuePush(c, chunk, Number(size));
		} catch (e) {
			controllerError(c, e);
			throw e;
		}
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
		chunk = queueShift(c);
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

/* WritableStream.  Its state s: s.state is 'writable', 'erroring',
 * 'closed' or 'errored'; s.writer and s.controller are the states of its
 * writer and controller; the requests are deferred()s.  The names of the
 * functions are the standard's (WritableStreamStartErroring is
 * wsStartErroring).  Promises are settled as the standard says: those a
 * caller gets are not marked handled, as in k6, but for a writer's
 * closed and ready once rejected. */
var WSTATE = '@@ly:writable', WWRITER = '@@ly:writer', CLOSE = {};

function wsOf(x)
{
	return x !== null && typeof x === 'object' ? x[WSTATE] : undefined;
}

function readOnly(o, k, v)
{
	Object.defineProperty(o, k, { value: v, enumerable: true });
}

function accessor(o, k, get)
{
	Object.defineProperty(o, k, { get: get, enumerable: true, configurable: true });
}

/* A member of the sink as k6 reads it: only undefined is absent. */
function sinkMember(f, name)
{
	if (f !== undefined && typeof f !== 'function')
		throw new TypeError('underlyingSink.[[' + name + ']] must be a function');
	return f;
}

/* A member as an algorithm: a promise of what it returns or throws. */
function sinkAlgorithm(sink, f, name)
{
	if (sinkMember(f, name) === undefined)
		return undefined;
	return function () {
		try {
			return Promise.resolve(f.apply(sink, arguments));
		} catch (e) {
			return Promise.reject(e);
		}
	};
}

function WritableStream(sink, strategy)
{
	var d = {}, st, s, self = this;

	if (!(this instanceof WritableStream))
		throw new TypeError('WritableStream constructor must be called with new');
	if (sink !== undefined) {
		if (!isDict(sink))
			throw new TypeError('underlyingSink must be an object');
		d = { start: sink.start, write: sink.write, close: sink.close,
		    abort: sink.abort, type: sink.type };
	}
	if (d.type !== undefined)
		throw new RangeError("'type' is not supported by WritableStream");
	st = strategyOf(strategy);
	s = { state: 'writable', stored: undefined, writer: undefined,
	    controller: undefined, writeRequests: [], inFlightWrite: undefined,
	    closeRequest: undefined, inFlightClose: undefined,
	    pendingAbort: undefined, backpressure: false };
	hidden(this, WSTATE, s);
	/* As k6: the methods are the stream's own, read-only. */
	readOnly(this, 'abort', function (reason) {
		if (s.writer !== undefined)
			return Promise.reject(new TypeError('cannot abort a locked stream'));
		return wsAbort(s, reason);
	});
	readOnly(this, 'close', function () {
		if (s.writer !== undefined)
			return Promise.reject(new TypeError('cannot close a locked stream'));
		if (wsCloseQueuedOrInFlight(s))
			return Promise.reject(new TypeError('stream is already closing'));
		return wsClose(s);
	});
	readOnly(this, 'getWriter', function () {
		return new WritableStreamDefaultWriter(self);
	});
	wscSetUp(s, sink, sinkMember(d.start, 'start'),
	    sinkAlgorithm(sink, d.write, 'write'),
	    sinkAlgorithm(sink, d.close, 'close'),
	    sinkAlgorithm(sink, d.abort, 'abort'), st);
}

accessor(WritableStream.prototype, 'locked', function () {
	var s = wsOf(this);

	return s === undefined ? undefined : s.writer !== undefined;
});

function wsCloseQueuedOrInFlight(s)
{
	return s.closeRequest !== undefined || s.inFlightClose !== undefined;
}

function wsHasOperationMarkedInFlight(s)
{
	return s.inFlightWrite !== undefined || s.inFlightClose !== undefined;
}

function wsAbort(s, reason)
{
	var was = false, d;

	if (s.state === 'closed' || s.state === 'errored')
		return Promise.resolve(undefined);
	if (s.pendingAbort !== undefined)
		return s.pendingAbort.d.promise;
	if (s.state === 'erroring') {
		was = true;
		reason = undefined;
	}
	d = deferred();
	s.pendingAbort = { d: d, reason: reason, was: was };
	if (!was)
		wsStartErroring(s, reason);
	return d.promise;
}

function wsClose(s)
{
	var d;

	if (s.state === 'closed' || s.state === 'errored')
		return Promise.reject(new TypeError('stream is already closed or errored'));
	d = deferred();
	s.closeRequest = d;
	if (s.writer !== undefined && s.backpressure && s.state === 'writable')
		s.writer.ready.resolve(undefined);
	queuePush(s.controller, CLOSE, 0);
	wscAdvanceQueueIfNeeded(s.controller);
	return d.promise;
}

function wsDealWithRejection(s, e)
{
	if (s.state === 'writable')
		wsStartErroring(s, e);
	else
		wsFinishErroring(s);
}

function wsStartErroring(s, reason)
{
	s.state = 'erroring';
	s.stored = reason;
	if (s.writer !== undefined)
		wwEnsureReadyRejected(s.writer, reason);
	if (!wsHasOperationMarkedInFlight(s) && s.controller.started)
		wsFinishErroring(s);
}

function wsFinishErroring(s)
{
	var reqs = s.writeRequests, ar, i;

	s.state = 'errored';
	queueReset(s.controller);
	s.writeRequests = [];
	for (i = 0; i < reqs.length; i++)
		reqs[i].reject(s.stored);
	ar = s.pendingAbort;
	if (ar === undefined) {
		wsRejectCloseAndClosedIfNeeded(s);
		return;
	}
	s.pendingAbort = undefined;
	if (ar.was) {
		ar.d.reject(s.stored);
		wsRejectCloseAndClosedIfNeeded(s);
		return;
	}
	wscAbortSteps(s.controller, ar.reason).then(function () {
		ar.d.resolve(undefined);
		wsRejectCloseAndClosedIfNeeded(s);
	}, function (e) {
		ar.d.reject(e);
		wsRejectCloseAndClosedIfNeeded(s);
	});
}

function wsRejectCloseAndClosedIfNeeded(s)
{
	if (s.closeRequest !== undefined) {
		s.closeRequest.reject(s.stored);
		s.closeRequest = undefined;
	}
	if (s.writer !== undefined) {
		s.writer.closed.reject(s.stored);
		handled(s.writer.closed.promise);
	}
}

function wsFinishInFlightWrite(s)
{
	s.inFlightWrite.resolve(undefined);
	s.inFlightWrite = undefined;
}

function wsFinishInFlightWriteWithError(s, e)
{
	s.inFlightWrite.reject(e);
	s.inFlightWrite = undefined;
	wsDealWithRejection(s, e);
}

function wsFinishInFlightClose(s)
{
	s.inFlightClose.resolve(undefined);
	s.inFlightClose = undefined;
	if (s.state === 'erroring') {
		s.stored = undefined;
		if (s.pendingAbort !== undefined) {
			s.pendingAbort.d.resolve(undefined);
			s.pendingAbort = undefined;
		}
	}
	s.state = 'closed';
	if (s.writer !== undefined)
		s.writer.closed.resolve(undefined);
}

function wsFinishInFlightCloseWithError(s, e)
{
	s.inFlightClose.reject(e);
	s.inFlightClose = undefined;
	if (s.pendingAbort !== undefined) {
		s.pendingAbort.d.reject(e);
		s.pendingAbort = undefined;
	}
	wsDealWithRejection(s, e);
}

function wsUpdateBackpressure(s, backpressure)
{
	if (s.writer !== undefined && backpressure !== s.backpressure) {
		if (backpressure)
			s.writer.ready = deferred();
		else
			s.writer.ready.resolve(undefined);
	}
	s.backpressure = backpressure;
}

/* The controller, which k6 hands to start and write: its prototype is
 * the stream's own, holding error() and a constructor that throws. */
function wscSetUp(s, sink, start, write, close, abort, st)
{
	var c, proto = {};

	c = { stream: s, started: false, hwm: st.hwm, size: st.size,
	    write: write, close: close, abort: abort };
	queueReset(c);
	readOnly(proto, 'constructor', function () {
		throw new TypeError('WritableStreamDefaultController is not constructable');
	});
	readOnly(proto, 'error', function (e) {
		if (s.state === 'writable') {
			wscClearAlgorithms(c);
			wsStartErroring(s, e);
		}
	});
	c.object = Object.create(proto);
	s.controller = c;
	wsUpdateBackpressure(s, wscDesiredSize(c) <= 0);
	/* What start throws, the constructor throws. */
	Promise.resolve(start !== undefined ? start.call(sink, c.object) :
	    undefined).then(function () {
		c.started = true;
		wscAdvanceQueueIfNeeded(c);
	}, function (e) {
		c.started = true;
		wsDealWithRejection(s, e);
	});
}

function wscDesiredSize(c)
{
	return c.hwm - c.total;
}

function wscClearAlgorithms(c)
{
	c.write = undefined;
	c.close = undefined;
	c.abort = undefined;
	c.size = undefined;
}

function wscErrorIfNeeded(c, e)
{
	if (c.stream.state === 'writable') {
		wscClearAlgorithms(c);
		wsStartErroring(c.stream, e);
	}
}

function wscAbortSteps(c, reason)
{
	var r = c.abort !== undefined ? c.abort(reason) : Promise.resolve(undefined);

	wscClearAlgorithms(c);
	return r;
}

/* What the strategy's size gives a chunk; an error errors the stream and
 * the chunk counts 1. */
function wscGetChunkSize(c, chunk)
{
	if (c.size === undefined)
		return 1;
	try {
		return Number(c.size.call(undefined, chunk));
	} catch (e) {
		wscErrorIfNeeded(c, e);
		return 1;
	}
}

function wscWrite(c, chunk, size)
{
	var s = c.stream;

	try {
		queuePush(c, chunk, size);
	} catch (e) {
		wscErrorIfNeeded(c, e);
		return;
	}
	if (!wsCloseQueuedOrInFlight(s) && s.state === 'writable')
		wsUpdateBackpressure(s, wscDesiredSize(c) <= 0);
	wscAdvanceQueueIfNeeded(c);
}

function wscAdvanceQueueIfNeeded(c)
{
	var s = c.stream;

	if (!c.started || s.inFlightWrite !== undefined)
		return;
	if (s.state === 'erroring') {
		wsFinishErroring(s);
		return;
	}
	if (c.queue.length === 0)
		return;
	if (c.queue[0] === CLOSE)
		wscProcessClose(c);
	else
		wscProcessWrite(c, c.queue[0]);
}

function wscProcessClose(c)
{
	var s = c.stream, r;

	s.inFlightClose = s.closeRequest;
	s.closeRequest = undefined;
	queueShift(c);
	r = c.close !== undefined ? c.close() : Promise.resolve(undefined);
	wscClearAlgorithms(c);
	r.then(function () {
		wsFinishInFlightClose(s);
	}, function (e) {
		wsFinishInFlightCloseWithError(s, e);
	});
}

function wscProcessWrite(c, chunk)
{
	var s = c.stream, r;

	s.inFlightWrite = s.writeRequests.shift();
	r = c.write !== undefined ? c.write(chunk, c.object) : Promise.resolve(undefined);
	r.then(function () {
		wsFinishInFlightWrite(s);
		queueShift(c);
		if (!wsCloseQueuedOrInFlight(s) && s.state === 'writable')
			wsUpdateBackpressure(s, wscDesiredSize(c) <= 0);
		wscAdvanceQueueIfNeeded(c);
	}, function (e) {
		if (s.state === 'writable')
			wscClearAlgorithms(c);
		wsFinishInFlightWriteWithError(s, e);
	});
}

/* The default writer.  Its state w: w.stream (undefined once released),
 * w.ready and w.closed, deferred()s. */
function WritableStreamDefaultWriter(stream)
{
	var s = wsOf(stream), w;

	if (!(this instanceof WritableStreamDefaultWriter))
		throw new TypeError('WritableStreamDefaultWriter constructor must be called with new');
	if (arguments.length !== 1)
		throw new TypeError('WritableStreamDefaultWriter takes a single argument');
	if (s === undefined)
		throw new TypeError('WritableStreamDefaultWriter argument must be a WritableStream');
	if (s.writer !== undefined)
		throw new TypeError('stream is locked');
	w = { stream: s, ready: deferred(), closed: deferred() };
	switch (s.state) {
	case 'writable':
		if (wsCloseQueuedOrInFlight(s) || !s.backpressure)
			w.ready.resolve(undefined);
		break;
	case 'erroring':
		w.ready.reject(s.stored);
		handled(w.ready.promise);
		break;
	case 'closed':
		w.ready.resolve(undefined);
		w.closed.resolve(undefined);
		break;
	default:
		w.ready.reject(s.stored);
		handled(w.ready.promise);
		w.closed.reject(s.stored);
		handled(w.closed.promise);
	}
	hidden(this, WWRITER, w);
	s.writer = w;
}

function writerOf(x)
{
	var w = x !== null && typeof x === 'object' ? x[WWRITER] : undefined;

	if (w === undefined)
		throw new TypeError('value is not a WritableStreamDefaultWriter');
	return w;
}

accessor(WritableStreamDefaultWriter.prototype, 'closed', function () {
	return writerOf(this).closed.promise;
});

accessor(WritableStreamDefaultWriter.prototype, 'desiredSize', function () {
	var s = writerOf(this).stream;

	if (s === undefined)
		throw new TypeError('stream is undefined');
	if (s.state === 'errored' || s.state === 'erroring')
		return null;
	if (s.state === 'closed')
		return 0;
	return wscDesiredSize(s.controller);
});

accessor(WritableStreamDefaultWriter.prototype, 'ready', function () {
	return writerOf(this).ready.promise;
});

WritableStreamDefaultWriter.prototype.abort = function (reason) {
	var s = writerOf(this).stream;

	if (s === undefined)
		return Promise.reject(new TypeError('stream is undefined'));
	return wsAbort(s, reason);
};

WritableStreamDefaultWriter.prototype.close = function () {
	var s = writerOf(this).stream;

	if (s === undefined)
		return Promise.reject(new TypeError('stream is undefined'));
	if (wsCloseQueuedOrInFlight(s))
		return Promise.reject(new TypeError('stream is already closing'));
	return wsClose(s);
};

WritableStreamDefaultWriter.prototype.releaseLock = function () {
	var w = writerOf(this), e = new TypeError('writer released');

	if (w.stream === undefined)
		return;
	wwEnsureReadyRejected(w, e);
	if (!w.closed.pending)
		w.closed = deferred();
	w.closed.reject(e);
	handled(w.closed.promise);
	w.stream.writer = undefined;
	w.stream = undefined;
};

WritableStreamDefaultWriter.prototype.write = function (chunk) {
	var w = writerOf(this), s = w.stream, c, size, d;

	if (s === undefined)
		return Promise.reject(new TypeError('stream is undefined'));
	c = s.controller;
	size = wscGetChunkSize(c, chunk);
	/* The size function may have released the writer. */
	if (w.stream !== s)
		return Promise.reject(new TypeError('writer was released'));
	if (s.state === 'errored')
		return Promise.reject(s.stored);
	if (wsCloseQueuedOrInFlight(s) || s.state === 'closed')
		return Promise.reject(new TypeError('stream is closing or closed'));
	if (s.state === 'erroring')
		return Promise.reject(s.stored);
	d = deferred();
	s.writeRequests.push(d);
	wscWrite(c, chunk, size);
	return d.promise;
};

function wwEnsureReadyRejected(w, e)
{
	if (!w.ready.pending)
		w.ready = deferred();
	w.ready.reject(e);
	handled(w.ready.promise);
}

/* CountQueuingStrategy({ highWaterMark }): every chunk counts 1.  As
 * k6's, a plain object holding, read-only, the high water mark it is
 * given (the stream checks it) and the size function. */
function countSize()
{
	return 1;
}

function CountQueuingStrategy(init)
{
	var q = {};

	if (!(this instanceof CountQueuingStrategy))
		throw new TypeError('CountQueuingStrategy constructor must be called with new');
	if (arguments.length !== 1)
		throw new TypeError('CountQueuingStrategy takes a single argument');
	if (!isDict(init))
		throw new TypeError('CountQueuingStrategy argument must be an object');
	if (init.highWaterMark === undefined || init.highWaterMark === null)
		throw new TypeError("CountQueuingStrategy argument must have 'highWaterMark' property");
	readOnly(q, 'highWaterMark', init.highWaterMark);
	readOnly(q, 'size', countSize);
	return q;
}

return {
	ReadableStream: ReadableStream,
	ReadableStreamDefaultReader: ReadableStreamDefaultReader,
	CountQueuingStrategy: CountQueuingStrategy,
	WritableStream: WritableStream,
	WritableStreamDefaultWriter: WritableStreamDefaultWriter
};
