module.exports = { boom: function () { return new Error('from cjs'); } };
