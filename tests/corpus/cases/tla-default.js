// lyjs-only: k6 runs the default export of a module that awaited
// at its top level once its evaluation completed.
const config = await new Promise((r) => setTimeout(() => r({ name: 'cfg' }), 5));
export const options = { vus: 1 };
export let loaded = await Promise.resolve(config.name + ' loaded');
export default function () {
  console.log('default sees', config.name, loaded, options.vus);
}
console.log('evaluated', loaded);
