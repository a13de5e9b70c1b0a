// split("") cuts between UTF-16 units; for-of, spread, Array.from and
// destructuring keep whole characters.
const s = "a😀b🎉";
const show = (v) => JSON.stringify(v);
console.log(show(s.split("")), s.split("").length, show(s.split("", 2)), show(s.split("", 3)));
console.log(show(s.split("😀")), show(s.split("b")), show(s.split("\ude00")), show(s.split("\ud83d")), show("😀😀".split("\ude00\ud83d")));
console.log(show("a,b,c".split(",", -1)), show("a,b".split(",", 0)), show("ab".split(undefined, 0)), show("ab".split()), show("".split("")), show("".split(",")));
const chars = [];
for (const c of s)
	chars.push(c);
console.log(show(chars), show([...s]), show(Array.from(s)), Array.from(s, (c) => c.length).join());
const [first, second, ...rest] = "😀é🎉x";
console.log(first, second, show(rest));
console.log(show({ ..."😀a" }), show(Object.entries("a😀")));
const it = s[Symbol.iterator]();
console.log(show(it.next()), show(it.next()), show(it.next()), show(it.next()), show(it.next()));
console.log("a\ud800".isWellFormed(), s.isWellFormed(), show("a\ud800b".toWellFormed()), show(s.slice(0, 2).toWellFormed()));
console.log(show([..."x\ud83dy"]), show([..."\ude00\ud83d"]), [..."😀".repeat(300)].length);
