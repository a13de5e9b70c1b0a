import { count, inc, name } from './lib/counter.js';
console.log(name, count);
inc();
inc();
console.log(count);
try { count = 5; } catch (e) { console.log(e instanceof TypeError); }
