// Flags i, m, s, named groups, lookbehind and backreferences without the
// u flag over subjects with characters outside the BMP.
const show = (v) => JSON.stringify(v);
console.log(/É😀/i.test("é😀"), /é\uD83D/i.test("É😀"), /Ω.\uDE00/i.test("ω😀"), /[a-zé]+😀/i.test("ABÉ😀"), /σ/i.test("Σ🎉"));
console.log(show("ÀÉÎ😀".match(/[à-î]/gi)), show("Straße 😀".match(/STRASSE/i)), show("😀K".match(/k/i)), show("😀Ж".match(/ж/i)));
console.log(show("😀x\n😀y".match(/^\uD83D/gm)), show("x😀\ny😀".match(/\uDE00$/gm)), show("😀\n🎉".match(/.+/g)), show("😀\n🎉".match(/^.+$/s)[0].length));
console.log(show("😀\u2028🎉".match(/^./gm).length), show("😀\r\n🎉".split(/$/m).length), /😀.🎉/s.test("😀\n🎉"), /😀.🎉/.test("😀\n🎉"));
const ng = /(?<face>\uD83D[\uDE00-\uDE4F])(?<rest>.)/.exec("x😀y");
console.log(show(ng.groups.face), ng.groups.rest, ng.index, show(Object.keys(ng.groups)));
console.log(show("😀😀 🎉🎉 😀🎉".match(/(\uD83D|\uD83C)(.)\1\2/g)), show("😀😀".match(/(.)\1/)), show("😀😀".match(/(.)\1/u)));
console.log(show("a😀b".match(/(?<=\uD83D)./)), show("a😀b".match(/(?<=😀)./)), show("a😀b".match(/(?<!\uD83D)[\uDC00-\uDFFF]/)), show("a😀b".match(/(?<=a)./)));
console.log(show("a😀b".match(/(?<=a)./u)), show("😀x🎉x".match(/(?<=🎉)x/g)), show("😀x🎉x".replace(/(?<=\uD83C.)x/, "!")));
console.log(show("😀😀".match(/(?<a>.)\k<a>/)), show("x🎉🎉x".replace(/(?<p>🎉)\k<p>/, "[$<p>]")), show([..."😀🎉".matchAll(/(?<u>.)/g)].map((m) => m.groups.u.charCodeAt(0).toString(16))));
console.log(/^\w+$/.test("ab😀"), show("ab😀cd".match(/\b./g)), show("😀ab".match(/\B./g)), show("a😀b".match(/\d|\D/g).length));
console.log(show("😀😀😀".match(/\uDE00\uD83D/g)), show("😀😀😀".match(/.(?=\uD83D)/g)), /^(?:\uD83D\uDE00){3}$/.test("😀😀😀"), /^[\uD83D\uDE00]{6}$/.test("😀😀😀"));
