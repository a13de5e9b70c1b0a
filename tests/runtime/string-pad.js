console.log('[' + 'abc'.padStart(10) + ']', 'abc'.padStart(10, 'foo'), 'abc'.padStart(6, '123465'), 'abc'.padStart(8, '0'), 'abc'.padStart(1));
console.log('[' + 'abc'.padEnd(10) + ']', 'abc'.padEnd(10, 'foo'), 'abc'.padEnd(6, '123456'), 'abc'.padEnd(1), 'abc'.padEnd(5, ''));
console.log('5'.padStart(3, 0), 'x'.padEnd(3, null), 'x'.padStart(-1, 'y'), 'x'.padStart(NaN, 'y'));
