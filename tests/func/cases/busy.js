import { check } from 'k6';
export const options = { vus: 2, duration: '1s' };
export default function () { check(1, { ok: () => true }); }
