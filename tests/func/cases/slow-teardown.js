// For tests/func/signals.sh: teardown takes long, so a second signal
// must cut it short.
import { sleep } from 'k6';
export const options = { vus: 2, duration: '30s' };
export function teardown() { console.log('teardown started'); sleep(20); }
export default function () { sleep(0.05); }
