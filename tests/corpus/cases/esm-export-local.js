export const options = { vus: 1 };
export function setup() { return 1; }
const helper = () => 'h';
export { helper as renamed };
console.log(options.vus, setup(), helper());
