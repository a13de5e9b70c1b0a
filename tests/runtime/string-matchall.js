var it = 'test1test2'.matchAll(/t(e)(st(\d?))/g), r, out = [];
for (r = it.next(); !r.done; r = it.next()) out.push(r.value[0] + '@' + r.value.index + ':' + r.value[1] + r.value[3]);
console.log(out.join(' '));
var ms = Array.from('a.b.c'.matchAll('\\.')); console.log(ms.length, ms[0].index);
var z = Array.from('abc'.matchAll(/(?:)/g)); console.log(z.length);
try { 'abc'.matchAll(/a/); } catch (e) { console.log(e.name); }
var re = /o/g; re.lastIndex = 5; console.log(Array.from('foo boo'.matchAll(re)).length, re.lastIndex);
