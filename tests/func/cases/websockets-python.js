// k6/websockets against python3-websockets (run by tests/func/ws.sh):
// compression 'deflate' and the extensions it shows, a long text message
// that travels compressed, and a binary one read with Blob.arrayBuffer().
import { WebSocket } from 'k6/websockets';
import { check } from 'k6';

export const options = { iterations: 1 };

export default async function () {
	const got = await new Promise((resolve) => {
		const ws = new WebSocket(__ENV.WS_SERVER + '/echo', [], { compression: 'deflate' });
		const r = { order: [] };
		ws.onopen = () => {
			r.ext = ws.extensions.join();
			ws.send('x'.repeat(50000));
			ws.send(new Uint8Array([1, 2, 3]).buffer);
		};
		ws.onmessage = async (e) => {
			if (typeof e.data === 'string') {
				r.order.push('text');
				r.text = e.data;
				return;
			}
			r.order.push('blob');
			r.blob = Array.from(new Uint8Array(await e.data.arrayBuffer())).join();
			ws.close();
		};
		ws.onclose = (e) => { r.code = e.code; resolve(r); };
	});
	check(got, {
		'deflate taken': (r) => r.ext.indexOf('permessage-deflate') === 0,
		'text echoed': (r) => r.text === 'x'.repeat(50000),
		'binary echoed, read with arrayBuffer()': (r) => r.blob === '1,2,3',
		'in order': (r) => r.order.join() === 'text,blob',
		'closed 1000': (r) => r.code === 1000,
	});
}
