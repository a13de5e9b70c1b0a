// A CommonJS module runs inside a function, as in node and k6: a
// return at its top level ends it, and what it exported stays.
module.exports.first = 1;
console.log('before return');
if (module.exports.first === 1) {
  return;
}
module.exports.second = 2;
console.log('never');
