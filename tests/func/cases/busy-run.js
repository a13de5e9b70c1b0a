// For tests/func/signals.sh: VUs that never block, until stopped.
export const options = { vus: 2, duration: '30s' };
export function teardown() { console.log('teardown ran'); }
export default function () { for (;;) {} }
