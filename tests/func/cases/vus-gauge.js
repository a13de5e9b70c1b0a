import { sleep } from 'k6';
export const options = { vus: 5, duration: '2500ms' };
export default function () { sleep(0.2); }
