export const options = { iterations: 1, setupTimeout: '1s' };
export function setup() { for (;;) {} }
export default function () {}
