// lyjs-only
// JSON.parse's syntax errors in the words of k6's engine, which reads
// JSON with Go's encoding/json Decoder (sobek's builtin_json.go): the
// Decoder's and its scanner's messages, "Unexpected end of JSON input
// (EOF)" between tokens, "unexpected EOF" inside one.
const texts = [
  '<html><body>Bad Gateway</body></html>', '', '   ', '[1,]', '{"a":1,}',
  '{"a" 1}', '{"a":1 "b":2}', '[1 2]', '{bad', '{} x', '{"a":', '[1,2',
  '"abc', 'tru', 'trux', 'nul', 'nulx', 'fals', '-', '-x', '1.', '1.x',
  '1e', '1e+', '1ex', '"\\x"', '"a\nb"', '"\t"', ':', ',', ']', '}',
  "'single'", 'undefined', 'NaN', '[\t,]', '\u00e9', '\u0001',
];
for (const t of texts) {
  try {
    JSON.parse(t);
    console.log(JSON.stringify(t), '-> parsed');
  } catch (e) {
    console.log(JSON.stringify(t), '->', e.name + ': ' + e.message);
  }
}
