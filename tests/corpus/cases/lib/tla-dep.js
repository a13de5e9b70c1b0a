// Imported by tla-basic.js: its own top-level await completes before
// the importer's body runs.
export const order = ['dep start'];
export let later = 0;
later = await new Promise((r) => setTimeout(() => r(8), 10));
order.push('dep done ' + later);
