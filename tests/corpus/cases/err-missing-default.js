import nothing from './lib/reexport.js';
