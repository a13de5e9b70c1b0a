// k6/experimental/streams: WritableStream and its default writer, one
// scenario per behaviour, with the expectations of k6's own tests.
import { WritableStream, WritableStreamDefaultWriter, ReadableStream, CountQueuingStrategy }
	from 'k6/experimental/streams';
import { setTimeout } from 'k6/timers';
import { check } from 'k6';
import { thrown, rejection } from './errors-lib.js';

const once = (exec) => ({ executor: 'per-vu-iterations', iterations: 1, exec });
export const options = {
	scenarios: {
		basic: once('basic'),
		backpressure: once('backpressure'),
		abort: once('abort'),
		sinkErrors: once('sinkErrors'),
		locking: once('locking'),
		badArguments: once('badArguments'),
		piping: once('piping'),
	},
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A sink that logs what it is asked, each write taking ms milliseconds.
function logger(log, ms) {
	return {
		start(c) { log.push('start'); },
		write(chunk, c) {
			log.push(`write ${chunk}`);
			return ms ? sleep(ms).then(() => log.push(`wrote ${chunk}`)) : undefined;
		},
		close() { log.push('close'); },
		abort(reason) { log.push(`abort ${reason}`); },
	};
}

export async function basic() {
	const log = [];
	const ws = new WritableStream(logger(log, 2));
	check(ws, {
		'start runs in the constructor': () => log.join() === 'start',
		'not locked': (s) => s.locked === false,
		'instance': (s) => s instanceof WritableStream,
		'own methods as k6': (s) => Object.keys(s).join() === 'abort,close,getWriter',
	});
	const w = ws.getWriter();
	check(w, {
		'locked': () => ws.locked === true,
		'writer instance': (x) => x instanceof WritableStreamDefaultWriter &&
			x.constructor === WritableStreamDefaultWriter,
		'desiredSize is the default high water mark': (x) => x.desiredSize === 1,
	});
	const done = [];
	const writes = ['a', 'b', 'c'].map((x) => w.write(x).then((v) => done.push(`${x}:${v}`)));
	const closing = w.close().then(() => done.push('closed'));
	check(w, { 'desiredSize counts the queue': (x) => x.desiredSize === -2 });
	await Promise.all(writes.concat([closing, w.closed]));
	check(log, {
		'writes then close, in order': (l) => l.join() ===
			'start,write a,wrote a,write b,wrote b,write c,wrote c,close',
	});
	check(done, { 'promises settle in order': (d) => d.join() === 'a:undefined,b:undefined,c:undefined,closed' });
	check(w, { 'desiredSize once closed': (x) => x.desiredSize === 0 });
	check(await rejection(w.write('d')), {
		'write after close': (m) => m === 'TypeError: stream is closing or closed',
	});
	check(await rejection(w.close()), {
		'close after close': (m) => m === 'TypeError: stream is already closed or errored',
	});

	// The controller start gets is the one write gets; stream.close().
	let started, marker;
	const ws2 = new WritableStream({
		start(c) { started = c; c.marker = 'kept'; },
		write(_x, c) { marker = c === started && c.marker; },
	});
	await ws2.getWriter().write(1);
	check(marker, { 'one controller object': (m) => m === 'kept' });
	let sinkClosed = false;
	const ws3 = new WritableStream({ close() { sinkClosed = true; } });
	check(await ws3.close(), { 'stream.close': (v) => v === undefined && sinkClosed });
	check(await rejection(ws3.close()), {
		'stream.close twice': (m) => m === 'TypeError: stream is already closed or errored',
	});
	check(await new WritableStream().getWriter().write('x'), { 'no sink': (v) => v === undefined });
}

export async function backpressure() {
	const log = [];
	const ws = new WritableStream(logger(log, 20), { highWaterMark: 2 });
	const w = ws.getWriter();
	await sleep(1);
	const sizes = [w.desiredSize];
	let ready = false;
	const writes = [];
	for (const x of ['a', 'b', 'c']) {
		writes.push(w.write(x));
		sizes.push(w.desiredSize);
	}
	w.ready.then(() => { ready = true; });
	await sleep(5);
	check(sizes, { 'desiredSize falls with each write': (s) => s.join() === '2,1,0,-1' });
	check(ready, { 'ready waits while the queue is full': (r) => r === false });
	await w.ready;
	check(log, { 'ready once the queue drains below the mark': (l) => l.join() ===
		'start,write a,wrote a,write b,wrote b,write c' });
	check(w.desiredSize, { 'room again': (d) => d === 1 });
	await Promise.all(writes);

	// A producer that waits for ready never has more than hwm queued.
	let most = 0;
	const slow = new WritableStream({
		write() { return sleep(3); },
	}, new CountQueuingStrategy({ highWaterMark: 3 }));
	const sw = slow.getWriter();
	const all = [];
	for (let i = 0; i < 12; i++) {
		await sw.ready;
		all.push(sw.write(i));
		most = Math.max(most, 3 - sw.desiredSize);
	}
	await Promise.all(all);
	check(most, { 'ready bounds the queue': (m) => m === 3 });

	// A size function counts chunks by their length; highWaterMark 0.
	const sized = new WritableStream({ write() { return sleep(2); } },
		{ highWaterMark: 10, size: (ch) => ch.length });
	const zw = sized.getWriter();
	const p = zw.write('abcd');
	check(zw.desiredSize, { 'size': (d) => d === 6 });
	await p;
	const zero = new WritableStream({}, { highWaterMark: 0 }).getWriter();
	let zeroReady = false;
	zero.ready.then(() => { zeroReady = true; });
	await sleep(1);
	check(zeroReady, { 'highWaterMark 0 is always backpressure': (r) => r === false });
	await zero.close();
	check(zeroReady, { 'close resolves ready': (r) => r === true });
}

export async function abort() {
	const log = [];
	const ws = new WritableStream(logger(log, 10));
	const w = ws.getWriter();
	const first = w.write('a');
	const queued = rejection(w.write('b'));
	await sleep(1);
	const closed = rejection(w.closed);
	const ready = rejection(w.ready);
	const aborting = w.abort(new Error('enough'));
	check(w.desiredSize, { 'desiredSize while erroring': (d) => d === null });
	check(await rejection(w.write('c')), { 'write while erroring': (m) => m === 'Error: enough' });
	check(await aborting, { 'abort resolves': (v) => v === undefined });
	check(log, { 'the write in flight ends before abort': (l) => l.join() ===
		'start,write a,wrote a,abort Error: enough' });
	check(await first, { 'the write in flight succeeds': (v) => v === undefined });
	check(await queued, { 'queued writes reject': (m) => m === 'Error: enough' });
	check(await closed, { 'closed rejects': (m) => m === 'Error: enough' });
	check(await ready, { 'ready rejects': (m) => m === 'Error: enough' });
	const plain = new WritableStream().getWriter();
	let reason;
	plain.closed.catch((e) => { reason = e; });
	await plain.abort('a string');
	check(reason, { 'abort resolves before closed rejects': (r) => r === undefined });
	await sleep(0);
	check(reason, { 'any reason': (r) => r === 'a string' });
	check(await w.abort('again'), { 'abort an errored stream': (v) => v === undefined });

	const boom = new Error('no abort');
	const ws2 = new WritableStream({ abort() { throw boom; } });
	check(await rejection(ws2.abort()), { 'sink abort throws': (m) => m === 'Error: no abort' });
	const ws3 = new WritableStream({ abort() { return Promise.reject(new TypeError('later')); } });
	check(await rejection(ws3.abort()), { 'sink abort rejects': (m) => m === 'TypeError: later' });
	const ws4 = new WritableStream();
	ws4.getWriter();
	check(await rejection(ws4.abort()), {
		'abort a locked stream': (m) => m === 'TypeError: cannot abort a locked stream',
	});
	const ws5 = new WritableStream();
	await ws5.close();
	check(await ws5.abort('late'), { 'abort a closed stream': (v) => v === undefined });

	// Abort while closing: close wins, abort resolves.
	const ws6 = new WritableStream({ close() { return sleep(5); } });
	const w6 = ws6.getWriter();
	await sleep(1);
	const closing = w6.close();
	const a6 = w6.abort('x');
	check(await closing, { 'close in flight completes': (v) => v === undefined });
	check(await a6, { 'abort during close': (v) => v === undefined });
	check(await w6.closed, { 'closed resolves': (v) => v === undefined });

	// Abort before start settles: the queued close rejects with the reason.
	const ws7 = new WritableStream({ close() { log.push('never'); } });
	const w7 = ws7.getWriter();
	const closing7 = rejection(w7.close());
	const a7 = w7.abort('early');
	check(await a7, { 'abort before start': (v) => v === undefined });
	check(await closing7, { 'the queued close rejects': (m) => m === 'undefined: undefined' });
}

export async function sinkErrors() {
	const bad = new Error('bad write');
	let writes = 0;
	const ws = new WritableStream({ write() { writes++; return Promise.reject(bad); } });
	const w = ws.getWriter();
	const second = rejection(w.write(2));
	check(await rejection(w.write(1)), { 'write rejects': (m) => m === 'Error: bad write' });
	check(await second, { 'queued write rejects': (m) => m === 'Error: bad write' });
	check(await rejection(w.write(3)), { 'later write rejects': (m) => m === 'Error: bad write' });
	check(await rejection(w.closed), { 'closed rejects': (m) => m === 'Error: bad write' });
	check(await rejection(w.ready), { 'ready rejects': (m) => m === 'Error: bad write' });
	check(await rejection(w.close()), {
		'close an errored stream': (m) => m === 'TypeError: stream is already closed or errored',
	});
	check(w.desiredSize, { 'desiredSize errored': (d) => d === null && writes === 1 });

	const thrower = new WritableStream({ write() { throw new RangeError('thrown'); } });
	check(await rejection(thrower.getWriter().write(1)), { 'write throws': (m) => m === 'RangeError: thrown' });

	const late = new WritableStream({ start() { return sleep(2).then(() => { throw new Error('no start'); }); } });
	check(await rejection(late.getWriter().write(1)), { 'start rejects': (m) => m === 'Error: no start' });
	check(thrown(() => new WritableStream({ start() { throw new TypeError('start'); } })), {
		'start throws': (m) => m === 'TypeError: start',
	});

	const cl = new WritableStream({ close() { return Promise.reject(new Error('no close')); } });
	const cw = cl.getWriter();
	check(await rejection(cw.close()), { 'close rejects': (m) => m === 'Error: no close' });
	check(await rejection(cw.closed), { 'closed after close rejects': (m) => m === 'Error: no close' });

	// controller.error(), as k6's tests have it.
	const boom = new Error('boom');
	const ce = new WritableStream({ write(_c, controller) { controller.error(boom); } }, { highWaterMark: 1 });
	const ew = ce.getWriter();
	check(await ew.write('chunk'), { 'the write before the error succeeds': (v) => v === undefined });
	check(await rejection(ew.ready), { 'ready rejected with the error': (m) => m === 'Error: boom' });
	let ctl;
	const ce2 = new WritableStream({ start(c) { ctl = c; } });
	await sleep(0);
	ctl.error(boom);
	ctl.error(new Error('ignored'));
	check(await rejection(ce2.getWriter().closed), { 'error errors the stream': (m) => m === 'Error: boom' });
	check(thrown(() => ctl.constructor()), {
		'controller constructor': (m) => m === 'TypeError: WritableStreamDefaultController is not constructable',
	});

	// The size function throws, or its value is not a size.
	const sz = new Error('sz');
	const sw = new WritableStream({}, { size() { return { valueOf() { throw sz; } }; } }).getWriter();
	check(await rejection(sw.write('chunk')), { 'size throws': (m) => m === 'Error: sz' });
	check(await rejection(sw.close()), {
		'then close rejects': (m) => m === 'TypeError: stream is already closed or errored',
	});
	const nw = new WritableStream({}, { size: () => NaN }).getWriter();
	check(await rejection(nw.write('x')), {
		'size is NaN': (m) => m === 'RangeError: size must be a finite, non-NaN number',
	});
	const iw = new WritableStream({}, { size: () => Infinity }).getWriter();
	check(await rejection(iw.write('x')), {
		'size is Infinity': (m) => m === 'RangeError: size must be a finite, non-NaN number',
	});
}

export async function locking() {
	const ws = new WritableStream();
	const w = ws.getWriter();
	check(null, {
		'a second writer': () => thrown(() => ws.getWriter()) === 'TypeError: stream is locked',
		'a second writer by new': () => thrown(() => new WritableStreamDefaultWriter(ws)) ===
			'TypeError: stream is locked',
	});
	check(await rejection(ws.close()), {
		'close a locked stream': (m) => m === 'TypeError: cannot close a locked stream',
	});
	const closed = rejection(w.closed);
	w.releaseLock();
	w.releaseLock();
	check(ws.locked, { 'released': (l) => l === false });
	check(await closed, { 'release rejects closed': (m) => m === 'TypeError: writer released' });
	check(await rejection(w.ready), { 'release rejects ready': (m) => m === 'TypeError: writer released' });
	check(await rejection(w.write(1)), { 'write when released': (m) => m === 'TypeError: stream is undefined' });
	check(await rejection(w.close()), { 'close when released': (m) => m === 'TypeError: stream is undefined' });
	check(await rejection(w.abort()), { 'abort when released': (m) => m === 'TypeError: stream is undefined' });
	check(null, {
		'desiredSize when released': () => thrown(() => w.desiredSize) === 'TypeError: stream is undefined',
	});
	const w2 = new WritableStreamDefaultWriter(ws);
	check(ws.locked, { 'a new writer locks': (l) => l === true });
	const closing = w2.close();
	check(await rejection(w2.close()), { 'close twice': (m) => m === 'TypeError: stream is already closing' });
	check(await rejection(ws.close()), { 'stream.close when locked': (m) => m === 'TypeError: cannot close a locked stream' });
	await closing;
	w2.releaseLock();
	const w3 = ws.getWriter();
	check(await w3.closed, { 'a writer of a closed stream': (v) => v === undefined });

	// The size function releases the writer it is asked by.
	let rw;
	const rs = new WritableStream({}, { size() { rw.releaseLock(); return 1; } });
	rw = rs.getWriter();
	check(await rejection(rw.write(1)), { 'released by size': (m) => m === 'TypeError: writer was released' });
	check(rs.locked, { 'released by size, unlocked': (l) => l === false });

	// The prototypes, as k6 defines them.
	const locked = Object.getOwnPropertyDescriptor(WritableStream.prototype, 'locked');
	const wclosed = Object.getOwnPropertyDescriptor(WritableStreamDefaultWriter.prototype, 'closed');
	const write = Object.getOwnPropertyDescriptor(WritableStreamDefaultWriter.prototype, 'write');
	check(null, {
		'locked is enumerable and configurable': () => locked.enumerable && locked.configurable,
		'closed is enumerable and configurable': () => wclosed.enumerable && wclosed.configurable,
		'write is a plain method': () => write.writable && write.enumerable && write.configurable,
		'a foreign writer': () => thrown(() => WritableStreamDefaultWriter.prototype.write.call({}, 1)) ===
			'TypeError: value is not a WritableStreamDefaultWriter',
		'a foreign getter': () => thrown(() => w.constructor.prototype.desiredSize) ===
			'TypeError: value is not a WritableStreamDefaultWriter',
		'locked of a foreign object': () => locked.get.call({}) === undefined,
	});
}

export function badArguments() {
	check(null, {
		'stream without new': () => thrown(() => WritableStream({})) ===
			'TypeError: WritableStream constructor must be called with new',
		'writer without new': () => thrown(() => WritableStreamDefaultWriter(new WritableStream())) ===
			'TypeError: WritableStreamDefaultWriter constructor must be called with new',
		'stream on a foreign receiver': () => thrown(() => WritableStream.call({}, {})) ===
			'TypeError: WritableStream constructor must be called with new',
		'writer on a foreign receiver': () => thrown(() =>
			WritableStreamDefaultWriter.call({}, new WritableStream())) ===
			'TypeError: WritableStreamDefaultWriter constructor must be called with new',
		'a subclass': () => {
			class Sub extends WritableStream {}
			const sub = new Sub({});
			return sub instanceof WritableStream && sub.getWriter() instanceof WritableStreamDefaultWriter;
		},
		'sink a number': () => thrown(() => new WritableStream(5)) ===
			'TypeError: underlyingSink must be an object',
		'sink null': () => thrown(() => new WritableStream(null)) ===
			'TypeError: underlyingSink must be an object',
		'sink a function': () => thrown(() => new WritableStream(() => {})) ===
			'TypeError: underlyingSink must be an object',
		'start': () => thrown(() => new WritableStream({ start: 1 })) ===
			'TypeError: underlyingSink.[[start]] must be a function',
		'write': () => thrown(() => new WritableStream({ write: 'x' })) ===
			'TypeError: underlyingSink.[[write]] must be a function',
		'close null': () => thrown(() => new WritableStream({ close: null })) ===
			'TypeError: underlyingSink.[[close]] must be a function',
		'abort': () => thrown(() => new WritableStream({ abort: {} })) ===
			'TypeError: underlyingSink.[[abort]] must be a function',
		'undefined members': () => thrown(() => new WritableStream({
			start: undefined, write: undefined, close: undefined, abort: undefined,
		})) === 'nothing',
		'type': () => thrown(() => new WritableStream({ type: 'bytes' })) ===
			"RangeError: 'type' is not supported by WritableStream",
		'type null': () => thrown(() => new WritableStream({ type: null })) ===
			"RangeError: 'type' is not supported by WritableStream",
		'negative highWaterMark': () => thrown(() => new WritableStream({}, { highWaterMark: -1 })) ===
			'RangeError: highWaterMark must be a non-negative number',
		'NaN highWaterMark': () => thrown(() => new WritableStream({}, { highWaterMark: NaN })) ===
			'RangeError: highWaterMark must be a non-negative number',
		'a string highWaterMark': () => thrown(() => new WritableStream({}, { highWaterMark: '1' })) ===
			'RangeError: highWaterMark must be a non-negative number',
		'size': () => thrown(() => new WritableStream({}, { size: 1 })) ===
			'TypeError: size must be a function',
		'size before highWaterMark': () => thrown(() => new WritableStream({}, { size: 1, highWaterMark: -1 })) ===
			'TypeError: size must be a function',
		'the sink before the strategy': () => thrown(() => new WritableStream(1, { highWaterMark: -1 })) ===
			'TypeError: underlyingSink must be an object',
		'the strategy before the members': () => thrown(() => new WritableStream({ write: 1 },
			{ highWaterMark: -1 })) === 'RangeError: highWaterMark must be a non-negative number',
		'writer of nothing': () => thrown(() => new WritableStreamDefaultWriter()) ===
			'TypeError: WritableStreamDefaultWriter takes a single argument',
		'writer of a ReadableStream': () => thrown(() => new WritableStreamDefaultWriter(new ReadableStream())) ===
			'TypeError: WritableStreamDefaultWriter argument must be a WritableStream',
		'infinite highWaterMark': () => new WritableStream({}, { highWaterMark: Infinity })
			.getWriter().desiredSize === Infinity,
	});
}

// A ReadableStream piped by hand into a WritableStream.
export async function piping() {
	let n = 0;
	const source = new ReadableStream({
		pull(c) {
			if (++n > 20) c.close(); else c.enqueue(n);
		},
	}, new CountQueuingStrategy({ highWaterMark: 4 }));
	const got = [];
	const sink = new WritableStream({
		write(x) { return sleep(1).then(() => got.push(x * x)); },
		close() { got.push('end'); },
	}, { highWaterMark: 2 });
	const reader = source.getReader();
	const writer = sink.getWriter();
	for (let r = await reader.read(); !r.done; r = await reader.read()) {
		await writer.ready;
		writer.write(r.value);
	}
	await writer.close();
	check(got, { 'every chunk, in order, then close': (g) => g.length === 21 && g[0] === 1 &&
		g[19] === 400 && g[20] === 'end' });
}
