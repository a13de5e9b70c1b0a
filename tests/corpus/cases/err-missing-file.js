import { a } from './lib/missing.js';
