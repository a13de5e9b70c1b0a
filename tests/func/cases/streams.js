// k6/experimental/streams: k6's documented example and the reader API.
import { ReadableStream, ReadableStreamDefaultReader, CountQueuingStrategy }
	from 'k6/experimental/streams';
import { setTimeout } from 'k6/timers';
import { check } from 'k6';
import { thrown, rejection } from './errors-lib.js';

function numbersStream() {
	let currentNumber = 0;

	return new ReadableStream({
		start(controller) {
			const fn = () => {
				if (currentNumber < 10) {
					controller.enqueue(++currentNumber);
					setTimeout(fn, 5);
					return;
				}
				controller.close();
			};
			setTimeout(fn, 5);
		},
	});
}

export default async function () {
	// The documented example.
	const stream = numbersStream();
	const reader = stream.getReader();
	const got = [];
	while (true) {
		const { done, value } = await reader.read();
		if (done) break;
		console.log(`received number ${value} from stream`);
		got.push(value);
	}
	console.log('we are done');
	check(got, { 'ten numbers in order': (g) => g.join() === '1,2,3,4,5,6,7,8,9,10' });
	await reader.closed;

	// pull is called until the queue holds highWaterMark chunks.
	let pulls = 0;
	const pulled = new ReadableStream({
		pull(c) {
			pulls++;
			if (pulls > 5) c.close(); else c.enqueue(pulls);
		},
	}, new CountQueuingStrategy({ highWaterMark: 3 }));
	await new Promise((r) => setTimeout(r, 1));
	check(pulls, { 'pull fills the queue to the high water mark': (n) => n === 3 });
	const r2 = new ReadableStreamDefaultReader(pulled);
	const all = [];
	for (let x = await r2.read(); !x.done; x = await r2.read()) all.push(x.value);
	check(all, { 'pulled chunks': (a) => a.join() === '1,2,3,4,5' });

	// Locking, releaseLock and cancel.
	let cancelled = null;
	const s3 = new ReadableStream({ cancel(reason) { cancelled = reason; } });
	const r3 = s3.getReader();
	check(null, {
		locked: () => s3.locked === true,
		'a second reader': () => thrown(() => s3.getReader()) === 'TypeError: stream is locked',
	});
	check(await rejection(s3.cancel('x')), {
		'cancel of a locked stream': (m) => m === 'TypeError: cannot cancel a locked stream',
	});
	const pending = r3.read();
	r3.releaseLock();
	check(await rejection(pending), { 'release rejects reads': (m) => m === 'TypeError: reader released' });
	check(await rejection(r3.read()), { 'a released reader': (m) => m === 'TypeError: stream is undefined' });
	check(s3.locked, { 'unlocked': (l) => l === false });
	await s3.cancel('enough');
	check(cancelled, { 'cancel reaches the source': (c) => c === 'enough' });
	const r4 = s3.getReader();
	check(await r4.read(), { 'a cancelled stream is done': (x) => x.done === true && x.value === undefined });

	// Errors.
	const s5 = new ReadableStream({ start(c) { c.enqueue('a'); c.error(new Error('boom')); } });
	const r5 = s5.getReader();
	check(await rejection(r5.read()), { 'error discards the queue': (m) => m === 'Error: boom' });
	check(await rejection(r5.closed), { 'closed rejects': (m) => m === 'Error: boom' });
	const s6 = new ReadableStream({ start() { return Promise.reject(new TypeError('no start')); } });
	check(await rejection(s6.getReader().read()), { 'start rejects': (m) => m === 'TypeError: no start' });
	check(null, {
		'start throws': () => thrown(() => new ReadableStream({ start() { throw new TypeError('no'); } })) ===
			'TypeError: no',
		'bytes': () => thrown(() => new ReadableStream({ type: 'bytes' })) ===
			"NotSupportedError: 'bytes' stream is not supported yet",
		'other types': () => thrown(() => new ReadableStream({ type: 'default' })) ===
			'TypeError: invalid underlying source type',
		'start not a function': () => thrown(() => new ReadableStream({ start: 1 })) ===
			'TypeError: underlyingSource.[[start]] must be a function',
		'highWaterMark': () => thrown(() => new ReadableStream({}, { highWaterMark: -1 })) ===
			'RangeError: highWaterMark must be a non-negative number',
		// As k6: the high water mark is a number, the strategy is read
		// after the type, the size before the high water mark.
		'a string highWaterMark': () => thrown(() => new ReadableStream({}, { highWaterMark: '2' })) ===
			'RangeError: highWaterMark must be a non-negative number',
		'type before strategy': () => thrown(() => new ReadableStream({ type: 'bytes' },
			{ highWaterMark: -1 })) === "NotSupportedError: 'bytes' stream is not supported yet",
		'size before highWaterMark': () => thrown(() => new ReadableStream({},
			{ highWaterMark: -1, size: 2 })) === 'TypeError: size must be a function',
		'an array is no source': () => thrown(() => new ReadableStream([])) ===
			'TypeError: underlyingSource must be an object',
		// CountQueuingStrategy holds what it is given, as k6's does; a
		// stream checks it.
		'a negative count strategy': () => new CountQueuingStrategy({ highWaterMark: -1 }).highWaterMark === -1,
		'is checked by the stream': () => thrown(() => new ReadableStream({},
			new CountQueuingStrategy({ highWaterMark: -1 }))) ===
			'RangeError: highWaterMark must be a non-negative number',
		'count strategy members': () => {
			const q = new CountQueuingStrategy({ highWaterMark: 2 });
			return Object.keys(q).join() === 'highWaterMark,size' && q.size('abc') === 1;
		},
		'count strategy without highWaterMark': () =>
			thrown(() => new CountQueuingStrategy({ highWaterMark: undefined })) ===
			"TypeError: CountQueuingStrategy argument must have 'highWaterMark' property",
		'count strategy with two arguments': () =>
			thrown(() => new CountQueuingStrategy({ highWaterMark: 1 }, 2)) ===
			'TypeError: CountQueuingStrategy takes a single argument',
		'byob': () => thrown(() => new ReadableStream().getReader({ mode: 'byob' })) ===
			"NotSupportedError: 'byob' mode is not supported yet",
		'tee': () => thrown(() => new ReadableStream().tee()) ===
			"NotSupportedError: 'tee()' is not supported yet",
		'enqueue after close': () => thrown(() => new ReadableStream({ start(c) { c.close(); c.enqueue(1); } })) ===
			'TypeError: cannot close or enqueue',
		'desiredSize': () => {
			let ds = [];
			new ReadableStream({ start(c) { ds.push(c.desiredSize); c.enqueue(1); ds.push(c.desiredSize); } },
				{ highWaterMark: 4 });
			return ds.join() === '4,3';
		},
		'size': () => {
			let ds;
			new ReadableStream({ start(c) { c.enqueue('abc'); ds = c.desiredSize; } },
				{ highWaterMark: 10, size: (ch) => ch.length });
			return ds === 7;
		},
	});
}
