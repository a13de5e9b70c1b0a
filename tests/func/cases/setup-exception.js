export const options = { iterations: 1 };
export function setup() { throw new Error('setup went wrong'); }
export default function () {}
