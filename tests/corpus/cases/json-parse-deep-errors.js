// JSON.parse of bad texts whose error lies shallow or 10,000 levels
// deep: a SyntaxError each time, whatever the depth (its words are k6's:
// json-parse-deep-k6-words).
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
    console.log(t.length, e instanceof SyntaxError, e.name, typeof e.message);
  }
}
