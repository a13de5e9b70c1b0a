// grpc.Stream as k6's documented examples use it (server, client and
// bidirectional streaming, on('data'|'error'|'end'), write, end) and
// asyncInvoke, all on the VU's event loop: the iteration ends when the
// streams have.
// expect-warning: can't register bogus event handler: unknown GRPC stream's event type: bogus
// expect-warning: can't send empty message
// expect-warning: no handlers for error registered, but an error happened: rpc error: code = DeadlineExceeded desc
import { Client, Stream, StatusOK, StatusDeadlineExceeded } from 'k6/net/grpc';
import { check, sleep } from 'k6';
import { Counter } from 'k6/metrics';

const ends = new Counter('stream_ends');

export const options = {
	iterations: 2,
	thresholds: {
		checks: ['rate==1'],
		grpc_streams: ['count==10'],
		// 1 rectangle, 3 points, 3 notes, per iteration
		grpc_streams_msgs_sent: ['count==14'],
		// every stream's end listener ran: the iterations waited for them
		stream_ends: ['count==10'],
		// 4 features, 1 summary, 3 notes, per iteration
		grpc_streams_msgs_received: ['count==16'],
		'grpc_req_duration{name:/lyocell.test.RouteGuide/ListFeatures,status:0}': ['max<5000'],
	},
};

const client = new Client();
client.load(['.'], 'route.proto');

export default async function () {
	client.connect(__ENV.GRPC_ADDR, { plaintext: true });

	// Server streaming.
	const features = [];
	const list = new Stream(client, 'lyocell.test.RouteGuide/ListFeatures', null);
	list.on('data', (f, meta) => {
		features.push(f.name);
		check(meta, { 'data has ts': (m) => typeof m.ts === 'number' });
	});
	list.on('error', (e) => console.error('ListFeatures: ' + JSON.stringify(e)));
	list.on('end', () => {
		ends.add(1);
		check(features, { 'server streaming': (f) => f.join() === 'f1,f2,f3,f4' });
	});
	// k6 knows a status event (it never fires) and warns of others.
	list.on('status', () => console.error('status fired'));
	list.on('bogus', () => {});
	list.write(null);
	list.write({ lo: { latitude: 1, longitude: 5 }, hi: { latitude: 4, longitude: 5 } });
	list.end();

	// Client streaming, with sleep between the writes as k6's example.
	const record = new Stream(client, 'lyocell.test.RouteGuide/RecordRoute');
	record.on('data', (s) => {
		check(s, { 'client streaming': (x) => x.pointCount === 3 && x.featureCount === 3 });
	});
	record.on('end', () => {
		ends.add(1);
	});
	for (let i = 0; i < 3; i++) {
		record.write({ latitude: i, longitude: i });
		sleep(0.05);
	}
	record.end();

	// Bidirectional.
	const notes = [];
	const chat = new Stream(client, 'lyocell.test.RouteGuide/RouteChat', { tags: { kind: 'bidi' } });
	chat.on('data', (n) => {
		notes.push(n.message);
		if (notes.length === 3)
			chat.end();
	});
	chat.on('end', () => {
		ends.add(1);
		check(notes, { 'bidi streaming': (n) => n.join() === 'a,b,c' });
	});
	['a', 'b', 'c'].forEach((m) => chat.write({ location: { latitude: 1 }, message: m }));

	// A stream that fails: error, then end.
	let err = null;
	const failing = new Stream(client, 'lyocell.test.RouteGuide/RouteChat', { timeout: '100ms' });
	failing.on('error', (e) => { err = e; });
	failing.on('end', () => {
		ends.add(1);
		check(err, { 'stream error': (e) => e !== null && e.code === StatusDeadlineExceeded &&
		    typeof e.message === 'string' && Array.isArray(e.details) });
	});

	// One that fails with no error listener: k6 warns of it.
	const unheard = new Stream(client, 'lyocell.test.RouteGuide/RouteChat', { timeout: '100ms' });
	unheard.on('end', () => ends.add(1));

	// asyncInvoke: three calls of 300 ms at once take about 300 ms.
	const t0 = Date.now();
	const rs = await Promise.all([1, 2, 3].map(() =>
	    client.asyncInvoke('lyocell.test.Echo/Sleep', { ms: 300 })));
	const took = Date.now() - t0;
	check(rs, {
		'asyncInvoke': (r) => r.every((x) => x.status === StatusOK && x.error === null),
		'asyncInvoke calls run at once': () => took < 800,
	});
	const bad = await client.asyncInvoke('lyocell.test.Echo/Fail', { code: 7, message: 'no' });
	check(bad, { 'asyncInvoke status': (r) => r.status === 7 && r.error.message === 'no' });
	let rejected = '';
	await client.asyncInvoke('lyocell.test.Echo/Nope', {}).catch((e) => { rejected = e.message; });
	check(rejected, { 'asyncInvoke rejects': (m) => m.indexOf('not found in file descriptors') > 0 });

	// Streams' errors at their start.
	let msg = '';
	try {
		new Stream({}, 'lyocell.test.RouteGuide/RouteChat');
	} catch (e) {
		msg = e.message;
	}
	check(msg, { 'not a client': (m) => m === 'invalid GRPC Stream\'s client: not a gRPC client' });
}
