import { name } from './lib/counter.js';
import { unit } from './lib/shapes.js';
console.log(name, unit);
