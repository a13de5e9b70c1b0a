export * from './ns-order.js';
export const zz = 1, aa = 2;
