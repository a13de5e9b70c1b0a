// k6/websockets: sockets never closed keep the iteration alive until the
// graceful stop cuts it; their sessions are kept.
import { WebSocket } from 'k6/websockets';

export const options = {
	scenarios: {
		hold: { executor: 'constant-vus', vus: 2, duration: '1s', gracefulStop: '500ms' },
	},
};

export default function () {
	const ws = new WebSocket(__ENV.TARGET.replace(/^http/, 'ws') + '/ws/echo');
	ws.onopen = () => setInterval(() => ws.send('tick'), 100);
}
