// trim, trimStart and trimEnd remove JavaScript's whitespace, Unicode's too.
const ws = "\t\n\v\f\r \u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
const s = ws + "a b\u00a0c" + ws;
console.log(JSON.stringify([s.trim(), s.trimStart().length, s.trimEnd().length, "".trim(), ws.trim(), "x".trim(), " é ".trim(), "\u200b x \u200b".trim()]));
console.log(String.prototype.trim.call(12), String.prototype.trim.name, String.prototype.trim.length);
try { String.prototype.trim.call(null); } catch (e) { console.log(e instanceof TypeError); }
