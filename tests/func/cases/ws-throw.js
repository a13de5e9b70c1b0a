import ws from 'k6/ws';

export default function () {
	ws.connect(__ENV.TARGET.replace(/^http/, 'ws') + '/ws/refuse', function () {});
}
