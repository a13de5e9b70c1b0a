// k6/secrets: k6's documented example against the local target, named
// sources, errors, and the redaction of secret values in logs.
import http from 'k6/http';
import secrets from 'k6/secrets';
import { check } from 'k6';
import { rejection } from './errors-lib.js';

export default async () => {
	const my_secret = await secrets.get('cool'); // Retrieves secret by identifier
	console.log(my_secret);
	const response = http.get(`${__ENV.TARGET}/headers`, {
		headers: {
			'Custom-Authentication': `Bearer ${await secrets.get('else')}`,
		},
	});
	console.log(response.body);
	check(response, { 'the secret is sent': (r) => r.body.indexOf('Bearer source') >= 0 });
	check(await secrets.source('other').get('cool'), { 'a named source': (v) => v === 'mocked' });
	console.log(`other: ${await secrets.source('other').get('cool')}`);
	check(await rejection(secrets.get('missing')), { 'no value': (m) => m === 'Error: no value' });
	check(await rejection(secrets.source('nope').get('cool')), {
		'unknown source': (m) => m === 'Error: no secret source with name "nope" is configured',
	});
};
