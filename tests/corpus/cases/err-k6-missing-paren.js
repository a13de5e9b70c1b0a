// 1
// 2
import http from 'k6/http';
import { sleep } from 'k6';

export default function () {
  const res = http.get('http://x');
  if (res.status !== 200 {
    sleep(1);
  }
}
