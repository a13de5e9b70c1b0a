// Responses that decode but have no JSON form (a Duration whose signs
// differ, a Timestamp past 9999, a Value with nothing set or NaN): k6's
// invoke throws "unable to convert response object to JSON: ...",
// asyncInvoke rejects, a stream's error listeners get Unknown; bytes that
// do not decode anywhere in the message are still an Internal status.
// Echo/Raw answers with the bytes of the request's BytesValue.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

export const options = { thresholds: { checks: ['rate==1'] } };

const client = new grpc.Client();
client.load(['.'], 'route.proto');

const prefix = 'unable to convert response object to JSON: failed to marshal the message: proto: ';
const bad = {
	'2gENCAEQ////////////AQ==': 'google.protobuf.Duration: signs of seconds and nanos do not match',
	'6gEHCgUKAWESAA==': 'google.protobuf.Value: none of the oneof fields is set',
	'0gEHCICD0f+vBw==': 'google.protobuf.Timestamp: seconds out of range 253402300800',
	'6gEQCg4KAW4SCREAAAAAAAD4fw==': 'google.protobuf.Value.number_value: invalid NaN value',
};

function thrown(f) {
	try {
		f();
		return 'no error';
	} catch (e) {
		return e.message;
	}
}

export default async function () {
	client.connect(__ENV.GRPC_ADDR, { plaintext: true });
	for (const b64 in bad) {
		check(thrown(() => client.invoke('lyocell.test.Echo/Raw', b64)), {
			['invoke throws: ' + bad[b64]]: (m) => m === prefix + bad[b64],
		});
	}
	const ok = client.invoke('lyocell.test.Echo/Raw', '2gEWCP///////////wEQ+///////////AQ==');
	check(ok, { 'a negative Duration': (r) => r.status === grpc.StatusOK && r.message.took === '-1.000000005s' });
	// A message that does not decode after one without a JSON form: the
	// decoding error, as Go unmarshals before it marshals.
	const garbage = client.invoke('lyocell.test.Echo/Raw', '2gENCAEQ////////////AQr/');
	check(garbage, {
		'undecodable wins': (r) => r.status === grpc.StatusInternal &&
		    r.error.message.indexOf('grpc: failed to unmarshal the received message: ') === 0,
	});

	let rejected = 'resolved';
	try {
		await client.asyncInvoke('lyocell.test.Echo/Raw', '2gENCAEQ////////////AQ==');
	} catch (e) {
		rejected = e.message;
	}
	check(rejected, { 'asyncInvoke rejects': (m) => m === prefix + bad['2gENCAEQ////////////AQ=='] });

	// The server's one message and its status come together: the
	// message's failure is the stream's error all the same.
	const stream = (b64) => new Promise((resolve) => {
		const events = [];
		const s = new grpc.Stream(client, 'lyocell.test.Echo/RawStream');
		s.on('data', () => events.push('data'));
		s.on('error', (e) => events.push(e));
		s.on('end', () => {
			events.push('end');
			resolve(events);
		});
		s.write(b64);
		s.end();
	});
	check(await stream('2gENCAEQ////////////AQ=='), {
		'stream error is Unknown': (e) => e.length === 2 && e[0].code === grpc.StatusUnknown &&
		    e[0].message === 'failed to marshal the message: proto: ' +
		    bad['2gENCAEQ////////////AQ=='] && e[1] === 'end',
	});
	check(await stream('2gENCAEQ////////////AQr/'), {
		'stream error is Internal': (e) => e.length === 2 && e[0].code === grpc.StatusInternal &&
		    e[0].message.indexOf('grpc: failed to unmarshal the received message: ') === 0 &&
		    e[1] === 'end',
	});
	client.close();
}
