// Every kind of field through Python's protobuf: what we encode is what
// Python decodes (its protojson in the x-json trailer), and what Python
// encodes we decode as k6 shows it.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

export const options = { thresholds: { checks: ['rate==1'] } };

const client = new grpc.Client();
client.load(['.'], 'route.proto');

const sent = {
	d: 1.5, f: 0.1, i64: '-9007199254740993', u64: '18446744073709551615', i32: -7,
	fx64: '12345678901234', fx32: 4000000000, b: true, s: 'héllo\u2603',
	by: 'AAEC/w==', u32: 4294967295, sf32: -2, sf64: '-3', si32: -64, si64: '-65',
	color: 'RED', inner: { text: 'in', nums: [1, 2, 3] },
	inners: [{ text: 'a' }, { text: 'b', nums: [-1] }],
	many: ['1', 2, '-3'], names: ['x', 'y'], counts: { one: 1, two: 2 },
	byId: { 7: { text: 'seven' } }, numChoice: 5,
	when: '2024-02-29T12:30:00.250Z', took: '-1.5s', wrapped: '',
	meta: { a: 1, b: 'two', c: [true, null], d: { e: 'f' } },
	status: { code: 3, detail: 'imported' }, colors: ['GREEN', 1, 0],
	zigzag: [-1, 1, -2147483648], ds: ['NaN', 'Infinity', -0.5],
};

// What protojson makes of sent, without defaults (Python's view).
const expectSeen = {
	d: 1.5, f: 0.1, i64: '-9007199254740993', u64: '18446744073709551615', i32: -7,
	fx64: '12345678901234', fx32: 4000000000, b: true, s: 'héllo\u2603',
	by: 'AAEC/w==', u32: 4294967295, sf32: -2, sf64: '-3', si32: -64, si64: '-65',
	color: 'RED', inner: { text: 'in', nums: [1, 2, 3] },
	inners: [{ text: 'a' }, { text: 'b', nums: [-1] }],
	many: ['1', '2', '-3'], names: ['x', 'y'], counts: { one: 1, two: 2 },
	byId: { 7: { text: 'seven' } }, numChoice: 5,
	when: '2024-02-29T12:30:00.250Z', took: '-1.500s', wrapped: '',
	meta: { a: 1, b: 'two', c: [true, null], d: { e: 'f' } },
	status: { code: 3, detail: 'imported' },
	colors: ['GREEN', 'RED', 'COLOR_UNSPECIFIED'],
	zigzag: [-1, 1, -2147483648], ds: ['NaN', 'Infinity', -0.5],
};

function canon(v) {
	if (Array.isArray(v))
		return '[' + v.map(canon).join(',') + ']';
	if (v !== null && typeof v === 'object')
		return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' +
		    canon(v[k])).join(',') + '}';
	return JSON.stringify(v);
}

export default function () {
	client.connect(__ENV.GRPC_ADDR, { plaintext: true });
	const res = client.invoke('lyocell.test.Echo/Types', sent);
	check(res, { 'status is OK': (r) => r.status === grpc.StatusOK });
	const seen = JSON.parse(res.trailers['x-json'][0]);
	// Python prints the float field at double precision.
	seen.f = Math.round(seen.f * 1e6) / 1e6;
	check(seen, { 'Python decodes what we encode': (s) => canon(s) === canon(expectSeen) });
	if (canon(seen) !== canon(expectSeen))
		console.log(canon(seen) + '\n' + canon(expectSeen));
	const m = res.message;
	// Our view has the defaults of nested messages too.
	const expectGot = JSON.parse(JSON.stringify(expectSeen));
	expectGot.byId[7].nums = [];
	expectGot.inners[0].nums = [];
	// Every field comes back, with the defaults; the unset oneof member
	// does not.
	const got = {};
	Object.keys(expectSeen).forEach((k) => { got[k] = m[k]; });
	check(m, {
		'we decode what Python encodes': () => canon(got) === canon(expectGot),
		'the oneof member not set is absent': (x) => !('textChoice' in x),
	});
	if (canon(got) !== canon(expectGot))
		console.log(canon(got) + '\n' + canon(expectGot));
	const empty = client.invoke('lyocell.test.Echo/Types', { s: '', i32: 0, inner: null });
	check(empty.message, {
		'defaults': (x) => x.s === '' && x.i32 === 0 && x.i64 === '0' &&
		    x.color === 'COLOR_UNSPECIFIED' && x.inner === null &&
		    Array.isArray(x.many) && x.many.length === 0 &&
		    canon(x.counts) === '{}' && x.when === null && x.by === '',
		'nothing sent for defaults': () => empty.trailers['x-json'][0] === '{}',
	});
	// Strings are UTF-16 in JavaScript: a pair is one code point in
	// UTF-8 and a lone surrogate U+FFFD, as Go converts k6's strings;
	// U+0000 is kept.  And back the same way.  (The expected trailer
	// goes through JSON.parse as the trailer does, so that both hold
	// the pair as mujs's JSON.parse makes it.)
	const astral = client.invoke('lyocell.test.Echo/Types',
	    { s: 'a\ud83d\ude00b\ud800c', names: ['\u0000z', '\udfff'], counts: { '\ud83d\ude00': 1 } });
	check(astral, {
		'Python decodes UTF-16 strings': (r) => r.status === grpc.StatusOK &&
		    canon(JSON.parse(r.trailers['x-json'][0])) === canon(JSON.parse(
		    '{"s":"a\\ud83d\\ude00b\\ufffdc","names":["\\u0000z","\\ufffd"],' +
		    '"counts":{"\\ud83d\\ude00":1}}')),
		'we decode what Python encodes of them': (r) => r.message.s === 'a\ud83d\ude00b\ufffdc' &&
		    r.message.names[0] === '\u0000z' && r.message.counts['\ud83d\ude00'] === 1,
	});
	// Original field names are accepted as protojson does.
	const orig = client.invoke('lyocell.test.Echo/Types', { by_id: { 1: {} }, num_choice: 0 });
	check(orig.message, { 'original names': (x) => canon(x.byId) === canon({ 1: { text: '', nums: [] } }) &&
	    x.numChoice === 0 });
	client.close();
}
