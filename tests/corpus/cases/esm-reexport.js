import { count, inc, greet, counterName, ns } from './lib/reexport.js';
inc();
console.log(count, greet('x'), counterName, ns.unit, new ns.Square(2).area());
