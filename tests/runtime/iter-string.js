var s = 'a\ud83d\ude00b', it = s[Symbol.iterator](), r, out = [];
for (r = it.next(); !r.done; r = it.next()) out.push(r.value.codePointAt(0));
console.log(out.join(), out.length);
console.log(Array.from('abc').join('-'));
console.log(Array.from('x\ud83d\ude00').length);
