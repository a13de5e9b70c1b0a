export let count = 0;
export function inc() { count++; }
export const name = 'counter';
export default function greet(who) { return `hi ${who}`; }
