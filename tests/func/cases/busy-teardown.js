export const options = { iterations: 1, teardownTimeout: '500ms' };
export function teardown() { while (true) {} }
export default function () {}
