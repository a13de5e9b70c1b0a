// k6/crypto/x509 on certificates made with openssl for this test (see
// x509.case): the fields, their order and the errors as k6's module gives
// them with Go's crypto/x509.
import x509 from 'k6/crypto/x509';
import { check } from 'k6';

const rsa = open('./x509/ly-rsa.pem');
const ec = open('./x509/ly-ec.pem');
const ed = open('./x509/ly-ed25519.pem');
const pub = open('./x509/ly-public-key.pem');

function err(f) {
	try {
		f();
	} catch (e) {
		return e.name + ': ' + e.message;
	}
	return 'no error';
}

export default function () {
	const c = x509.parse(rsa);
	check(c, {
		'fields in order': (x) => Object.keys(x).join() ===
			'subject,issuer,notBefore,notAfter,altNames,signatureAlgorithm,fingerPrint,publicKey',
		'subject': (x) => JSON.stringify(x.subject) === JSON.stringify({
			commonName: 'lyocell.test', country: 'NL', postalCode: '1012',
			stateOrProvinceName: 'Noord-Holland', localityName: 'Amsterdam',
			streetAddress: '1 Damrak', organizationName: 'Lyocell Test',
			organizationalUnitName: ['Load', 'Tests'],
			names: [
				{ type: '2.5.4.6', value: 'NL' }, { type: '2.5.4.8', value: 'Noord-Holland' },
				{ type: '2.5.4.7', value: 'Amsterdam' }, { type: '2.5.4.9', value: '1 Damrak' },
				{ type: '2.5.4.17', value: '1012' }, { type: '2.5.4.10', value: 'Lyocell Test' },
				{ type: '2.5.4.11', value: 'Load' }, { type: '2.5.4.11', value: 'Tests' },
				{ type: '2.5.4.3', value: 'lyocell.test' },
			],
		}),
		'issuer': (x) => Object.keys(x.issuer).join() ===
			'commonName,country,stateOrProvinceName,localityName,organizationName,names' &&
			x.issuer.commonName === 'lyocell.test' && x.issuer.names.length === 9,
		'validity in RFC 3339': (x) => x.notBefore === '2026-12-07T18:24:36Z' && x.notAfter === '2036-12-04T18:24:36Z',
		'alt names, Go\'s order': (x) => x.altNames.join() ===
			'a.lyocell.test,b.lyocell.test,ops@lyocell.test,127.0.0.1,::1,https://lyocell.test/x',
		'signature algorithm': (x) => x.signatureAlgorithm === 'SHA384-RSA',
		'SHA-1 fingerprint': (x) => x.fingerPrint.join() === '205,207,64,39,226,157,98,101,42,42,247,239,166,153,30,191,24,156,99,246',
		'RSA key': (x) => x.publicKey.algorithm === 'RSA' && x.publicKey.key.e === 65537 &&
			x.publicKey.key.n.toString(16) === 'c7b242af4de8342bbb9baa753aa5c73223b91eb3faba379a6cf1d72cab3a7a93009bd6b04da102baa57966ba3f8101cd6b8684daf5be8b2813e84ae35532b3c501171816fa7c160adab93966cd4b28e79afedce1eaef872214ade6c72c57b02f2302c58df1b1ef0d77d687eed85bff3295738c3298c526ecb3f2d17a438f7415cb338eae1c5aae625cb381659e95f729b0b27ba8dc4ba452be4d854d3eb24208af98d529ed343f923d4e3365f5e9145c5944ff1f01fcbc4fc128895ff75ab3ebf15591976c3ae58d3b6d114eb3a8e6906f40ab882bea2857202d3608359b0eefc84f26963760e8b1db67533e3241e96e738335c5bbeb7342234b9312726b38c5',
	});
	const e = x509.parse(ec);
	check(e, {
		'ECDSA key': (x) => x.publicKey.algorithm === 'ECDSA' && x.signatureAlgorithm === 'ECDSA-SHA256' &&
			typeof x.publicKey.key.curve === 'object' && x.publicKey.key.x.toString(16).length > 80,
	});
	check(null, {
		'getters': () => x509.getAltNames(rsa).length === 6 && x509.getSubject(rsa).commonName === 'lyocell.test' &&
			x509.getIssuer(ec).commonName === 'ec.lyocell.test',
		'not PEM': () => err(() => x509.parse('bad-certificate')) === 'GoError: failed to decode certificate PEM file',
		'not a certificate': () => err(() => x509.getSubject(pub)).indexOf('GoError: failed to parse certificate') === 0,
		'Ed25519 key': () => err(() => x509.parse(ed)) === 'GoError: unsupported public key algorithm',
		'Ed25519 subject': () => x509.getSubject(ed).commonName === 'ed.lyocell.test',
	});
}
