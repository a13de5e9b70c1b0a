// lyjs-only: k6 reads a CommonJS script's module.exports and runs its default.
module.exports.options = { vus: 2 };
module.exports.default = function () { console.log('default ran', module.exports.options.vus); };
