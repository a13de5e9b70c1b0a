import legacy from './lib/legacy.cjs';
import { named } from './lib/babel.cjs';
console.log(legacy.double(21), legacy.label);
console.log(named);
