// Dates as strings, as k6 writes them: Go's layouts in local time.
import { check } from 'k6';
export const options = { iterations: 1 };
export default function () {
  const d = new Date(Date.UTC(2026, 11, 7, 13, 4, 8, 123));
  check(d, {
    'toString': (d) => String(d) === 'Mon Dec 07 2026 08:04:08 GMT-0500 (EST)',
    'toDateString': (d) => d.toDateString() === 'Mon Dec 07 2026',
    'toTimeString': (d) => d.toTimeString() === '08:04:08 GMT-0500 (EST)',
    'toLocaleString': (d) => d.toLocaleString() === '12/07/2026, 08:04:08',
    'toLocaleDateString': (d) => d.toLocaleDateString() === '12/07/2026',
    'toLocaleTimeString': (d) => d.toLocaleTimeString() === '08:04:08',
    'toUTCString and ISO unchanged': (d) => d.toUTCString() === 'Mon, 07 Dec 2026 13:04:08 GMT' &&
      d.toISOString() === '2026-12-07T13:04:08.123Z',
    'Date() is toString of now': () => /^\w{3} \w{3} \d\d \d{4} \d\d:\d\d:\d\d GMT-0[45]00 \(E[SD]T\)$/.test(Date()),
    'read back': (d) => new Date(String(d)).getTime() === Math.floor(d.getTime() / 1000) * 1000,
    'local parse': () => new Date('December 17, 1995 03:24:00').getTime() === 819188640000,
    'invalid': () => String(new Date(NaN)) === 'Invalid Date',
  });
}
