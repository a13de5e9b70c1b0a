const s = '\u{1F600}';
console.log(s === '😀', '\u00e9' === 'é', '\x7A');
console.log(`\u{48}\u{69}`, '\0'.length);
