// Top-level await is reported with its position.
export const options = { vus: 1 };
const v = await Promise.resolve(42);
export default function () { return v; }
