import { a } from './cyc-a.js';
export function b() { return 'b sees ' + a; }
export function bValue() { return 'B'; }
