// A module namespace lists its names in order, whatever order the module
// exports them in, with those export * adds among them.
import * as ns from './lib/ns-order.js';
import * as star from './lib/ns-star.js';
console.log(Object.keys(ns).join(), JSON.stringify(Object.getOwnPropertyNames(star)));
const seen = [];
for (const k in star) seen.push(k);
console.log(seen.join(), JSON.stringify(Object.entries(ns)), star.b, star.zz);
