export const a = 1;
let x = 1;
delete x;
