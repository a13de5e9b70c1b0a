// For tests/func/signals.sh: VUs and a handleSummary that never block.
export const options = { vus: 2, duration: '30s' };
export function handleSummary() { console.log('summary started'); for (;;) {} }
export default function () { for (;;) {} }
