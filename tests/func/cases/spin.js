// For tests/func/workers.sh: VUs that never leave their JavaScript.
export const options = { vus: 2, duration: '30s' };
export default function () { for (;;) {} }
