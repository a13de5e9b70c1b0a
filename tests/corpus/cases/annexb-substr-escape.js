// Annex B: substr, escape and unescape.
const s = "abcdef";
console.log([s.substr(2), s.substr(-3, 2), s.substr(1, -1), s.substr(NaN, 2), s.substr(4, 100), s.substr(-100, 2), s.substr(2, undefined), s.substr(6), "héllo".substr(1, 3), "".substr(0, 1)].join("|"), String.prototype.substr.length);
console.log(escape("abc ABC 123 @*_+-./ !\"#$%&'(),:;<=>?[]^`{|}~ é ü ÿ Ā € 😀 \u0000\u0001"));
console.log(unescape("%41%u0042%43 %zz %u00e9 %uD83D%uDE00 %E9 %u20ac %4 %u12 plain é"), unescape(escape("mixed é € 😀 ~!")) === "mixed é € 😀 ~!");
console.log(unescape("%00").length, unescape("%u0000x").charCodeAt(1), unescape(encodeURIComponent("é€")).length, decodeURIComponent(escape(unescape(encodeURIComponent("é€😀")))) === "é€😀");
