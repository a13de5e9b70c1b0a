// A minified bundle: many functions on one line, each frame at its column.
export const options = { iterations: 2, vus: 1 };
function f(a){var b=a.x;if(b>1){throw new Error("big "+b)}return b}function g(o){return f(o)+f({x:2})}function h(){throw "plain"}
export default function () { if (__ITER === 0) g({ x: 1 }); else h(); }
