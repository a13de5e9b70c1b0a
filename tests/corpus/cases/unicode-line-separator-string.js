const s = 'a\u2028b';
console.log(s.length, JSON.stringify('\u2029').length);
