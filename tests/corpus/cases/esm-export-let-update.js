import { count, inc } from './lib/counter.js';
const before = count;
for (let i = 0; i < 3; i++) inc();
console.log(before, count);
