const helper = require('./lib/helper.cjs');
const legacy = require('./lib/legacy.cjs');
exports.value = helper.twice(3);
console.log(exports.value, legacy.label, this === module.exports);
