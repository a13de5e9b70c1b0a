console.log('Blue Whale'.includes('Blue'), 'Blue Whale'.includes('blue'), 'abc'.includes(''), 'abc'.includes('c', 3), 'abc'.includes('a', -5));
console.log('undefined'.includes(), 'a1'.includes(1));
try { 'abc'.includes(/a/); } catch (e) { console.log(e.name); }
try { String.prototype.includes.call(null, 'a'); } catch (e) { console.log(e.name); }
