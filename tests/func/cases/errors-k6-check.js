// An exception in a check's function ends the iteration, logged as k6
// logs it; the checks before it count, and it counts as failed, as in k6.
import { check } from 'k6';
export const options = { iterations: 1 };
export default function () {
  const res = { status: 200, headers: {} };
  check(res, {
    'is 200': (r) => r.status === 200,
    'is text': (r) => r.headers['Content-Type'].startsWith('text/'),
  });
}
