import v from './lib/expr-default.js';
import './lib/counter.js';
console.log(v);
