var s = '\ud83d\ude00a';
console.log(s.codePointAt(0), s.codePointAt(s.length - 1), s.codePointAt(s.length), s.codePointAt(-1));
console.log('abc'.codePointAt(1), 'abc'.codePointAt(), '\ud800x'.codePointAt(0));
console.log(String.fromCodePoint(65, 66, 0x1f600) === 'AB\ud83d\ude00', String.fromCodePoint(0x1f600) === '\ud83d\ude00', String.fromCodePoint());
try { String.fromCodePoint(-1); } catch (e) { console.log(e.name); }
try { String.fromCodePoint(1.5); } catch (e) { console.log(e.name); }
try { String.fromCodePoint(0x110000); } catch (e) { console.log(e.name); }
