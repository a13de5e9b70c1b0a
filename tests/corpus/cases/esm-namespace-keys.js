import * as shapes from './lib/shapes.js';
console.log(Object.keys(shapes).sort().join(','));
console.log(typeof shapes.Square, shapes.pi);
