var s = ' \t\n\u00a0\ufeff hi \u2028\r ';
console.log('[' + s.trimStart() + ']'.length, s.trimStart().length, s.trimEnd().length);
console.log('[' + '  x  '.trimStart() + ']', '[' + '  x  '.trimEnd() + ']', '[' + ''.trimStart() + ']');
var long = new Array(3000).join(' ') + 'z'; console.log(long.trimStart());
