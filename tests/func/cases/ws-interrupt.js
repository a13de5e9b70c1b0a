// k6/ws: a socket that never closes is cut at the end of the scenario's
// graceful stop; its session is still counted and the run ends in time.
import ws from 'k6/ws';

export const options = {
	scenarios: {
		hold: { executor: 'constant-vus', vus: 2, duration: '1s', gracefulStop: '500ms' },
	},
};

export default function () {
	ws.connect(__ENV.TARGET.replace(/^http/, 'ws') + '/ws/echo', function (socket) {
		socket.on('open', () => socket.setInterval(() => socket.send('tick'), 100));
	});
}
