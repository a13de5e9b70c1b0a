// An exception thrown by a timer's callback ends the iteration as in k6:
// logged with its stack, the timers still pending never run, and the
// iteration still counts (it was not interrupted).
import { Counter } from 'k6/metrics';
export const options = { iterations: 3 };
const after = new Counter('after_throw');
export default function () {
  setTimeout(() => { throw new Error('boom in timer'); }, 5);
  setTimeout(() => { after.add(1); }, 40);
}
