// A server that requires a client certificate: tls.cert and tls.key,
// the key also encrypted (legacy PEM encryption) with tls.password, as
// k6 takes them; an encrypted PKCS #8 key, a wrong password and a
// missing one fail connect with k6's messages.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

export const options = { thresholds: { checks: ['rate==1'] } };

const ca = open(__ENV.GRPC_CA);
const cert = open(__ENV.GRPC_CLIENT_CERT);
const key = open(__ENV.GRPC_CLIENT_KEY);
const keyEnc = open(__ENV.GRPC_CLIENT_KEY_ENC);
const keyPkcs8 = open(__ENV.GRPC_CLIENT_KEY_PKCS8);
const client = new grpc.Client();
client.load(['.'], 'route.proto');

function call(tls) {
	client.connect(__ENV.GRPC_MTLS_ADDR, { tls: tls, timeout: '5s' });
	const res = client.invoke('lyocell.test.RouteGuide/GetFeature', { latitude: 1, longitude: 2 });
	client.close();
	return res;
}

function failure(tls) {
	try {
		const res = call(tls);
		return res.error ? res.error.message : 'no error';
	} catch (e) {
		return e.message;
	}
}

export default function () {
	check(call({ cacerts: [ca], cert: cert, key: key }), {
		'client certificate accepted': (r) => r.status === grpc.StatusOK && r.message.name === '1,2',
	});
	check(call({ cacerts: ca, cert: cert, key: keyEnc, password: 's3cret' }), {
		'encrypted key with its password': (r) => r.status === grpc.StatusOK && r.message.name === '1,2',
	});
	check(failure({ cacerts: [ca] }), {
		'no client certificate, no call': (m) => m !== 'no error',
	});
	check(failure({ cacerts: [ca], cert: cert, key: keyEnc, password: 'wrong' }), {
		'wrong password': (m) => m === 'x509: decryption password incorrect',
	});
	check(failure({ cacerts: [ca], cert: cert, key: keyEnc }), {
		'encrypted key without a password': (m) =>
			m === 'failed to append certificate from PEM: tls: failed to parse private key',
	});
	check(failure({ cacerts: [ca], cert: cert, key: keyPkcs8, password: 's3cret' }), {
		'encrypted PKCS #8 key': (m) => m === 'encrypted pkcs8 formatted key is not supported',
	});
	check(failure({ cacerts: [ca], cert: cert, key: 'not a key', password: 's3cret' }), {
		'key not in PEM': (m) => m === 'failed to decode PEM key',
	});
}
