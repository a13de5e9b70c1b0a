const out = [];
for (const m of "a1b22c333".matchAll(/(?<d>\d+)/g))
  out.push(m[0] + "@" + m.index + "=" + m.groups.d);
console.log(out.join(" "));
console.log([..."xAyA".matchAll(/a/gi)].map(m => m.index).join());
console.log([..."abc".matchAll("b")].length);
try { "a".matchAll(/a/); } catch (e) { console.log(e instanceof TypeError); }
const re = /./gs;
console.log([..."a\nb".matchAll(re)].length, re.lastIndex);
