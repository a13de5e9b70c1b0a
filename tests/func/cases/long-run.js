// For tests/func/signals.sh: a test that runs until it is stopped.
import { sleep } from 'k6';
export const options = { vus: 4, duration: '30s' };
export function teardown() { console.log('teardown ran'); }
export default function () { sleep(0.05); }
