import { b, bValue } from './cyc-b.js';
export const a = 'A';
export function aValue() { return 'a sees ' + bValue(); }
export function callB() { return b(); }
