import { count, nope } from './lib/reexport.js';
