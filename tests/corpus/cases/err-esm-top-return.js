// An ES module cannot return at its top level.
export const a = 1;
if (a) return;
