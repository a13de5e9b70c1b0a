// k6/websockets: each VU opens three sockets at once, sends a message
// every 300 ms on each from setInterval, stops after a second, closes
// each socket after 1.5 s; the iteration ends when all three closed.
//   lyocell run -e TARGET=http://127.0.0.1:8080 examples/websockets.js
// or any echo server: -e WS_URL=ws://host:port/path
import { WebSocket } from 'k6/websockets';
import { check } from 'k6';

export const options = {
  vus: 2,
  iterations: 2,
  thresholds: {
    checks: ['rate==1'],
    ws_msgs_received: ['count>=18'],
  },
};

const URL = __ENV.WS_URL ||
  (__ENV.TARGET || 'http://127.0.0.1:8080').replace(/^http/, 'ws') + '/ws/echo';

export default function () {
  for (let i = 0; i < 3; i++) {
    startWSWorker(i);
  }
}

function startWSWorker(id) {
  const ws = new WebSocket(URL);
  ws.binaryType = 'arraybuffer';
  let echoed = 0;

  ws.addEventListener('open', () => {
    ws.send(JSON.stringify({ event: 'SET_NAME', new_name: `Croc ${__VU}:${id}` }));

    ws.addEventListener('message', (e) => {
      const msg = JSON.parse(e.data);
      if (msg.event === 'SET_NAME' || msg.event === 'SAY') echoed++;
    });

    const intervalId = setInterval(() => {
      ws.send(JSON.stringify({ event: 'SAY', message: `I'm saying ${Math.random()}` }));
    }, 300);

    const timeout1id = setTimeout(function () {
      clearInterval(intervalId);
      console.log(`VU ${__VU}:${id}: ${echoed} messages echoed, leaving`);
      ws.send(JSON.stringify({ event: 'LEAVE' }));
    }, 1000);

    const timeout2id = setTimeout(function () {
      ws.close();
    }, 1500);

    ws.addEventListener('close', () => {
      clearTimeout(timeout1id);
      clearTimeout(timeout2id);
      check(echoed, { 'every message echoed': (n) => n >= 4 });
    });
  });
}
