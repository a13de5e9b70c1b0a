console.log('[' + 'abc'.repeat(0) + ']', 'abc'.repeat(1), 'abc'.repeat(2), 'abc'.repeat(3.5), 'ab'.repeat('2'));
try { 'abc'.repeat(-1); } catch (e) { console.log(e.name); }
try { 'abc'.repeat(Infinity); } catch (e) { console.log(e.name); }
console.log(''.repeat(100).length, 'x'.repeat(1000).length);
