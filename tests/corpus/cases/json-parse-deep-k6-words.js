// lyjs-only
// JSON.parse's errors deep in a text in the words of k6's engine (Go's
// Decoder), the same as at the top (json-parse-k6-words).
const D = '['.repeat(10000), E = ']'.repeat(10000);
const texts = [
  '[1,]', D + '1,]' + E, D + E + ']', D, D + '1' + E + ' x', '{"a":' + D + '{"b" 1}' + E + '}',
  D + '"\\x"' + E, D + '"a\nb"' + E, D + 'tru' + E, D + '-' + E, D + '{"a":1,}' + E,
  D + '{bad}' + E, '{"a":'.repeat(10000) + 'nul' + '}'.repeat(10000), D + '1 2' + E,
];
for (const t of texts) {
  try {
    JSON.parse(t);
    console.log(t.length, 'parsed');
  } catch (e) {
    console.log(t.length, e instanceof SyntaxError, e.name, e.message);
  }
}
