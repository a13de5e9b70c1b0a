// \S inside a class leaves out every JavaScript white space character,
// not only ASCII's, in UTF-8 text and with the u flag.
const sp = ["\u00a0", "\ufeff", "\u3000", "\u2028", "\u1680", "\u2000", "\u200a", "\u202f", "\u205f", "\t", "\v"];
console.log(sp.map((c) => /[\S]/.test(c)).join(), sp.map((c) => /[^\S]/.test(c)).join(), sp.map((c) => /[\S]/u.test(c)).join());
console.log(/[\S]/.test("é"), /[\S]/.test("\u200b"), /[\S]/u.test("😀"), /^[\S]$/u.test("😀"), /[\S\d]/.test(" "), /[\s\S]/.test("\u3000"));
console.log(JSON.stringify("a\u00a0b\u3000c d".match(/[\S]+/g)), JSON.stringify("a\u00a0b\u3000c d".split(/[^\S]/)), JSON.stringify("x\ufeffy".replace(/[\S]/g, "-")));
