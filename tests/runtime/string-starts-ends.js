var s = 'To be, or not to be';
console.log(s.startsWith('To be'), s.startsWith('not', 10), s.startsWith('not', 9), s.startsWith('', 100));
console.log(s.endsWith('be'), s.endsWith('to', 16), s.endsWith('To', 2), s.endsWith('x', -1), s.endsWith(''));
try { s.startsWith(/T/); } catch (e) { console.log(e.name); }
try { s.endsWith(/e/); } catch (e) { console.log(e.name); }
