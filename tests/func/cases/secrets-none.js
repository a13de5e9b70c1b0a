// k6/secrets without --secret-source: get() rejects with k6's message.
import secrets from 'k6/secrets';

export default async function () {
	try {
		await secrets.get('cool');
	} catch (e) {
		console.log(`rejected: ${e.message}`);
	}
}
