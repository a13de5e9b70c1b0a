// A module whose exports are spelled like the compiler's names.
export const _$g = 'g';
export function __ly() { return 'fn'; }
export let a$1 = 1;
export function bump() { a$1++; }
const _$s = 's';
export { _$s, _$s as plain };
export default class _$l { static who() { return _$l.name; } }
