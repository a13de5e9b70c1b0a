const legacy = require('./lib/legacy.cjs');
const { twice } = require('./lib/helper.cjs');
console.log(legacy.double(4), twice(5), typeof module, typeof exports);
module.exports = { done: true };
