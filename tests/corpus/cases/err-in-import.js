import x from './lib/syntax-bad.js';
