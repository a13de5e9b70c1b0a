// Regular expressions give UTF-16 indices: match index, lastIndex,
// replace's $` $' and offsets, matchAll, search, split, the d flag.
const s = "😀a🎉b😀c";
const show = (v) => JSON.stringify(v);
let m = /b/.exec(s);
console.log(m.index, m.input.length, s.search(/c/), s.search(/😀c/), s.search(/z/));
const g = /[abc]/g;
const found = [];
while ((m = g.exec(s)) !== null)
	found.push(m[0] + "@" + m.index + "/" + g.lastIndex);
console.log(found.join(" "));
console.log(s.replace(/a/, "[$`|$&|$']"), s.replace(/🎉/g, (x, i, str) => `<${i}/${str.length}>`));
console.log(s.replace(/(b)(😀)/, (x, p1, p2, i) => `${p1}${p2.length}:${i}`), s.replace(/(?<L>[a-c])/g, "{$<L>}"));
console.log([...s.matchAll(/😀(.)/gu)].map((x) => x.index + x[1]).join(), [...s.matchAll(/[a-c]/g)].map((x) => x.index).join());
console.log(show(s.split(/[ab]/)), show(s.split(/(🎉)/)), show(s.split(/[ab]/, 2)));
const d = /(🎉)(b)/d.exec(s);
console.log(show(d.indices), show(d.indices[1]), show(d.indices[2]));
const y = /😀/y;
y.lastIndex = 5;
console.log(y.test(s), y.lastIndex, y.test(s), y.lastIndex);
const u = /./gu;
console.log(show(s.match(u)), s.match(u).length, show("x😀y".match(/.{2}/u)), /^.$/u.test("😀"), /^[😀🎉]+$/u.test("🎉😀"));
const r = /c/g;
r.lastIndex = 7;
console.log(r.test(s), r.lastIndex, show(s.match(/😀/g)), s.replace(/😀/g, "x").length);
console.log(/\u{1F600}/u.test(s), show(/\p{Emoji_Presentation}+/u.exec("hi 🎉🎉!")), "é😀".replace(/\u00e9/, "e"));
const lastU = /./gu;
lastU.lastIndex = 1;
m = lastU.exec(s);
console.log(m.index, m[0], lastU.lastIndex);
console.log(show("a😀b".split(/😀/)), show("ab😀".replace(/$/, "$`").length), "x😀".padEnd(6, "😀").replace(/😀/g, "o"));
