// localeCompare collates as Unicode's root rules (ICU, CLDR), and the
// case mappings are Unicode's full ones, as k6's engine gives them.
console.log('a'.localeCompare('B'), 'a'.localeCompare('A'), 'B'.localeCompare('a'),
  'résumé'.localeCompare('resume'), 'a'.localeCompare('a'), 'x'.localeCompare());
console.log(['Zebra', 'apple', 'Äpfel', 'banana', '_x', '10', '9', 'éclair', 'Eclair',
  'eclair', 'a-b', 'ab', 'a b', 'Ñandú', 'nandu', 'Z', 'z', ''].sort((x, y) => x.localeCompare(y)).join('|'));
console.log('straße'.toUpperCase(), 'ΟΔΟΣ'.toLowerCase(), 'ÀÉÎ'.toLowerCase(), 'ﬁ'.toUpperCase(),
  'ǆ'.toUpperCase(), 'abc'.toUpperCase(), 'ABC'.toLowerCase(), 'Σ'.toLowerCase());
try { String.prototype.localeCompare.call(null, 'a'); } catch (e) { console.log(e instanceof TypeError); }
