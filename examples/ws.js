// k6/ws: each VU opens a WebSocket, sends a message and a ping every
// 500 ms, and closes after 2 seconds; the VU is blocked in ws.connect
// meanwhile.  Against the local target (make demo starts one):
//   lyocell run -e TARGET=http://127.0.0.1:8080 examples/ws.js
// or any echo server: -e WS_URL=ws://host:port/path
import ws from 'k6/ws';
import { check } from 'k6';

export const options = {
  vus: 2,
  iterations: 2,
  thresholds: {
    checks: ['rate==1'],
    ws_connecting: ['p(95)<1000'],
  },
};

const URL = __ENV.WS_URL ||
  (__ENV.TARGET || 'http://127.0.0.1:8080').replace(/^http/, 'ws') + '/ws/echo';

export default function () {
  let echoed = 0;
  const res = ws.connect(URL, { tags: { room: 'lobby' } }, function (socket) {
    socket.on('open', function () {
      socket.setInterval(function () {
        socket.send(`hello from VU ${__VU}`);
        socket.ping();
      }, 500);
    });
    socket.on('message', function (msg) {
      if (msg === `hello from VU ${__VU}`) echoed++;
    });
    socket.on('pong', () => console.log('PONG!'));
    socket.on('close', () => console.log('disconnected'));
    socket.on('error', function (e) {
      if (e.error() !== 'websocket: close sent') {
        console.log('An unexpected error occurred: ', e.error());
      }
    });
    socket.setTimeout(function () {
      console.log('2 seconds passed, closing the socket');
      socket.close();
    }, 2000);
  });
  check(res, { 'status is 101': (r) => r && r.status === 101 });
  check(echoed, { 'messages echoed': (n) => n >= 3 });
}
