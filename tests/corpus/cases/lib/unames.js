// A module whose exports are named in scripts mujs's lexer does not know.
export const 名前 = 'namae';
export let 計数 = 0;
export function 増やす() { 計数++; }
const ﾟ‌x = 'zwnj';
export { ﾟ‌x, ﾟ‌x as 別名 };
export default function 既定() { return 既定.name; }
