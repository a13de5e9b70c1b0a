const { a: { b: { c = 'deep-default' } = {} } = {} } = {};
console.log(c);
const [[x = 1] = [], { y = 2 } = {}] = [];
console.log(x, y);
