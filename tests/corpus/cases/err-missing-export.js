import { inc, incr } from './lib/counter.js';
incr();
