// Lone surrogates in subjects and patterns: a match holding half a pair
// is the same string slice() and charCodeAt give for those units.
const show = (v) => JSON.stringify(v);
const s = "x😀y";
const hi = s.match(/\uD83D/)[0], lo = s.match(/[\uDC00-\uDFFF]/)[0];
console.log(hi === s.slice(1, 2), lo === s.slice(2, 3), hi.length, lo.length, hi.charCodeAt(0), lo.charCodeAt(0), hi + lo === "😀");
console.log(hi === "\uD83D", lo === String.fromCharCode(0xde00), show(hi), show(lo), encodeURIComponent(hi + lo));
console.log(/\uD83D/.test("abc"), /\uFFFD/.test("\uD800"), /\uD800/.test("\uFFFD"), /\uD800/.test("a\uD800"), /^.$/.test("\uD800"), /^.$/u.test("\uD800"));
console.log(show("a\uDC00\uD800b".match(/./g)), show("\uD800\uD800\uDC00".match(/\uD800\uDC00/).index), show("\uDC00\uD800\uDC00".split(/\uDC00/)));
console.log(show("\uD83D" + "x".match(/x/)[0]), show(("\uD83D" + "\uDE00").match(/\uD83D\uDE00/).index), ("\uD83D" + "\uDE00").match(/./g).length);
const parts = "😀🎉".match(/./g);
console.log(parts.length, parts.join("") === "😀🎉", parts[0] + parts[1] === "😀", show(parts.map((p) => p.codePointAt(0).toString(16))));
console.log(show(new RegExp(hi).exec("a😀")), new RegExp(hi + lo).test("😀"), new RegExp("^" + lo).test("😀"), show(new RegExp(hi, "g").exec("😀😀🎉").index));
console.log(show("a\0😀".match(/\0./)), show("\0😀".replace(/\x00/, "0")), show("😀\0".split(/\0/)), /[\0-\x7e]/.test("😀\0"));
