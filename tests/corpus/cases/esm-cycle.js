import { a, aValue, callB } from './lib/cyc-a.js';
console.log(a, aValue(), callB());
