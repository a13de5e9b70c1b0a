import { check } from 'k6';
export const options = { vus: 2, iterations: 10 };
export default function () { check(__ITER, { 'small': (i) => i < 100 }); }
