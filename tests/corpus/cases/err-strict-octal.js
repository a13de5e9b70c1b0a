export const a = 010;
