const helper = require('./helper.cjs');
module.exports = { double: (x) => helper.twice(x), label: 'legacy' };
