// replace and replaceAll with non-u RegExps over astral subjects, with a
// string (every $ pattern) and with a function.
const show = (v) => JSON.stringify(v);
const s = "a😀b🎉c";
console.log(show(s.replace(/./g, "[$&]")), show(s.replace(/./gu, "[$&]")));
console.log(show(s.replace(/\uD83D/, "<$`|$'>")), show(s.replace(/\uDE00/, "($&)")));
console.log(show(s.replace(/[\uD800-\uDBFF]/g, "")), show(s.replace(/[\uDC00-\uDFFF]/g, "").length));
console.log(show(s.replace(/(.)(\uDE00)/, (m, p1, p2, i, str) => [p1.charCodeAt(0), p2.charCodeAt(0), i, str.length].join())));
console.log(show(s.replace(/(?<x>[\uD800-\uDBFF])/g, "{$<x>}")), show(s.replace(/(?<x>[\uD800-\uDBFF])/g, (...a) => a[a.length - 1].x.length)));
console.log(show(s.replace(/(?:)/g, "-")), show(s.replace(/(?:)/gu, "-")), show(s.replaceAll(/(?:)/g, "|")));
console.log(show(s.replace(/😀/g, "$1x")), show(s.replace(/(😀)|(🎉)/g, "<$1$2>")), show("😀😀".replace(/\uDE00\uD83D/, "-")));
console.log(show(s.replaceAll(/[^a-z]/g, (m, i) => i)), show(s.replaceAll(/[^a-z]/gu, (m, i) => i)));
console.log(show("😀".replace(/$/, "$`")), show("😀".replace(/^/, "$'")), show("😀".replace(/\uD83D/, "$'$'")));
const fn = [];
"x😀y".replace(/./g, (m, i) => { fn.push(i + ":" + m.length + ":" + m.charCodeAt(0).toString(16)); return m; });
console.log(fn.join(" "));
console.log(show("é😀é".replace(/é/g, "e")), show("é😀é".replace(/[é]/gi, "E")), show("ÉÀ😀".replace(/[éà]/gi, "x")));
const half = "😀".replace(/\uDE00/, "") + "\uDE00";
console.log(half === "😀", half.length, show("😀".replace(/\uD83D/, "\uD83D")), "😀".replace(/\uD83D/, "\uD83D") === "😀");
console.log(show("a\uD800b".replace(/./g, "[$&]")), show("a\uD800b\uDC00".replace(/\uD800/g, "!")), show("\uDC00\uD800".replace(/\uD800/, "")));
