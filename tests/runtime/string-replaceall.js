console.log('a-b-c'.replaceAll('-', '+'), 'aaa'.replaceAll('a', 'b'), 'abc'.replaceAll('x', 'y'));
console.log('ab'.replaceAll('', '_'), 'xyx'.replaceAll('x', '$&$&'), 'abc'.replaceAll('b', "[$`|$']"), 'a.b'.replaceAll('.', '$$'));
console.log('a1a2'.replaceAll('a', function (m, p, s) { return m.toUpperCase() + p + s.length; }));
console.log('a1b2'.replaceAll(/\d/g, '#'));
try { 'abc'.replaceAll(/b/, 'x'); } catch (e) { console.log(e.name); }
console.log('aaaa'.replaceAll('aa', 'b'), 'x'.replaceAll('x', '$1'));
