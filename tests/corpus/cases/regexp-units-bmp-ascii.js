// The same methods over ASCII and BMP-only subjects, with and without the
// u flag: one code unit a character either way.
const show = (v) => JSON.stringify(v);
for (const s of ["hello world", "héllo wörld", "日本語 テキスト"]) {
	const g = /\S+/g, seen = [];
	let m;
	while ((m = g.exec(s)) !== null) seen.push(m.index + "/" + g.lastIndex);
	console.log(seen.join(","), show(s.match(/./g).length), show(s.match(/./gu).length), show(s.split(/(?:)/).length), s.search(/\s/));
	console.log(show(s.replace(/(\S)(\S*)/g, (x, a, b, i) => a.toUpperCase() + b.length + "@" + i)), show(s.replace(/o|ö|テ/g, "[$`]").length));
	console.log(show([...s.matchAll(/(?<c>[^\s])\s/g)].map((x) => x.groups.c + x.index)), show(s.split(/\s/)), /^.+$/.test(s), /^.{11}$/u.test(s));
	const y = /\S/y;
	y.lastIndex = 5;
	console.log(y.test(s), y.lastIndex, show(/(?<=\s)./.exec(s)), show(/(.)\s/d.exec(s).indices));
}
console.log(/\uFFFD/.test("a\uFFFDb"), show("a\uFFFDb".split(/\uFFFD/)), /[\uE000-\uFFFF]/.test("\uFFFF"), show("€".match(/[^a]/g)));
