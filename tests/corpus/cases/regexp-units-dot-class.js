// Without the u flag a pattern sees UTF-16 code units: an astral
// character is two, its surrogates; with u it is one code point.
const show = (v) => JSON.stringify(v);
const e = "😀", t = "a😀b🎉c";
console.log(/^.$/.test(e), /^..$/.test(e), /^.$/u.test(e), /^..$/u.test(e), /^.$/s.test(e));
console.log(show(e.match(/./g)), show(e.match(/./gu)), show(t.match(/./g)), show(t.match(/./gu)));
console.log(/\uD83D/.test(e), /\uDE00/.test(e), /\uD83D\uDE00/.test(e), /^\uD83D/.test(e), /\uDE00$/.test(e));
console.log(/\uD83D/u.test(e), /^\uD83D\uDE00$/u.test(e), /^\uD83D\uDE00$/.test(e));
console.log(show(t.match(/[^x]/g)), show(t.match(/[^x]/gu)), show(t.match(/[^abc]/g).map((s) => s.charCodeAt(0).toString(16))));
console.log(/^[😀]$/.test(e), /^[😀]+$/.test(e), /^[😀]$/u.test(e), show(t.match(/[😀]/g)), show(t.match(/[😀🎉]/gu)));
console.log(show("x😀😀y".match(/😀+/)), show("x😀\uDE00y".match(/😀+/)), show("x😀😀y".match(/😀+/u)), show("x😀😀y".match(/(?:😀)+/)));
console.log(show(t.match(/\W/g)), show(t.match(/\S+/g)), show("😀 🎉".split(/\s/)), show(t.match(/[\uD800-\uDBFF]/g)));
console.log(show(t.match(/[\uDC00-\uDFFF][a-z]/g)), show(t.match(/[\s\S]{3}/g)), show(t.match(/.{1,2}/g)), t.match(/.{1,2}/gu).length);
console.log(show("😀".match(/(.)(.)/)), show("😀".match(/(.)(.)?/u)), show(/[^\uD83D]/.exec(e)), show(/\uDE00/.exec("😀😀")));
console.log(show("ab😀".match(/.$/)), show("ab😀".match(/.$/u)), show("😀ab".match(/^./)), show("😀ab".match(/^./u)));
console.log(show(new RegExp("\uD83D").exec(e)), show(new RegExp("[\uD83D\uDE00]", "g").exec("x" + e)), new RegExp("^.$").test(e));
console.log(show("é😀".match(/[é-ë]./)), show("Ωx😀".match(/\u03a9.\uD83D/)), show("€😀€".match(/€.|.€/g)));
