function tag(strings, ...vals) {
  return strings.length + '|' + strings.join('_') + '|' + vals.join(',');
}
console.log(tag`a${1}b${2}c`);
console.log(tag``);
console.log(tag`${'x'}`);
function raw(s) { return s.raw[0]; }
console.log(raw`\n\t`);
function same(s) { return s; }
function get() { return same`x`; }
console.log(get() === get());
