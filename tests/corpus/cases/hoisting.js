console.log(typeof hoisted, v);
function hoisted() { return 1; }
var v = 'var';
console.log(hoisted(), v);
