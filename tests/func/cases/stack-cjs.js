// A CommonJS module's first line: k6 runs it inside
// "(function(module, exports){", whose 27 columns its frames count.
import lib from './stack-cjs-lib.js';
export const options = { iterations: 1 };
export default function () { throw lib.boom(); }
