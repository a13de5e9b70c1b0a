console.log('\u0041\u{42}\u{1F600}'.length >= 3, '\x41', 'a\tb', "q\"q", 'it\'s');
console.log('\u{48}\u{49}');
console.log('line\
continued');
console.log('é'.length, 'ü' === '\u00fc');
