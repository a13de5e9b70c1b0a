// matchAll and match with g over astral and mixed subjects, with and
// without the u flag; empty matches advance one unit, or one code point
// with u.
const show = (v) => JSON.stringify(v);
const s = "a😀b🎉";
const list = (re) => [...s.matchAll(re)].map((m) => m.index + ":" + m[0].length).join(" ");
console.log(list(/./g), "|", list(/./gu), "|", list(/(?:)/g), "|", list(/(?:)/gu));
console.log(list(/[\uD800-\uDBFF]/g), "|", list(/\uDE00|\uDF89/g), "|", list(/\p{L}/gu), "|", list(/(?<=\uD83D)/g));
console.log(show(s.match(/(?:)/g).length), show(s.match(/(?:)/gu).length), show(s.match(/x*/g).length), show(s.match(/x*/gu).length));
console.log(show("😀".repeat(3).match(/\uD83D/g).length), show("😀".repeat(3).match(/\uDE00\uD83D/g)), show("🎉😀".match(/[🎉😀]/g).length));
const it = "x😀y".matchAll(/(.)/g);
const got = [];
for (const m of it) got.push(m[1].charCodeAt(0).toString(16) + "@" + m.index);
console.log(got.join(" "));
console.log(show([..."αβ😀γ".matchAll(/[α-ω]/g)].map((m) => m.index)), show([..."αβ😀γ".matchAll(/[^α-ω]/g)].map((m) => m.index)));
