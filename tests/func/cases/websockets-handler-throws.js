// k6/websockets: an exception thrown by an event handler ends the
// iteration as in k6, logged with its stack; the socket's later events
// and the timers still pending never run.
import { WebSocket } from 'k6/websockets';
import { Counter } from 'k6/metrics';
export const options = { iterations: 2 };
const later = new Counter('after_throw');
const base = __ENV.TARGET.replace(/^http/, 'ws');
export default function () {
  const ws = new WebSocket(base + '/ws/echo');
  ws.onopen = () => ws.send('hello');
  ws.onmessage = () => { throw new Error('boom in handler'); };
  ws.onclose = () => later.add(1);
  setTimeout(() => later.add(1), 500);
}
