import { sleep } from 'k6';
export const options = { iterations: 1, teardownTimeout: '500ms' };
export function teardown() { sleep(3); }
export default function () {}
