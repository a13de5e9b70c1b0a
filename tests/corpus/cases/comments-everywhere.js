/* block */ const a = /* inline */ 1; // line
const b = 2 /* after */ + /* before */ 3;
/**
 * doc comment with `backticks` and ${dollars}
 */
function f(/* no params */) { return a + b; } // done
console.log(f());
