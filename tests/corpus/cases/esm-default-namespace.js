import greet, * as counter from './lib/counter.js';
import Anon, { Square, unit as u, pi } from './lib/shapes.js';
console.log(greet('bob'), counter.name, typeof counter.inc, counter.default === greet);
console.log(new Square(3).area(), u, pi, new Anon().kind());
