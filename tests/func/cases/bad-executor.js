export const options = { scenarios: { s: { executor: 'fast-and-loose' } } };
export default function () {}
