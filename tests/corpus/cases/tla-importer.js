// A module without await of its own that imports one with it runs
// after it, as in node; for await runs at the top level too.
import { value } from './lib/tla-slow.js';
console.log('importer sees', value);
async function* gen() { yield 1; yield 2; }
for await (const x of gen()) console.log('for await', x);
console.log('last');
