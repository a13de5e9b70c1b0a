// Strings are UTF-16 code units: a character outside the BMP is two.
const s = "a😀b\u00e9🎉";
const show = (v) => JSON.stringify(v);
console.log(s.length, "😀".length, "".length, "\ud83d".length, "é".length, "𝒳𝒴".length);
for (let i = -1; i <= s.length; i++)
	console.log(i, show(s[i]), show(s.charAt(i)), s.charCodeAt(i), s.codePointAt(i), show(s.at(i)));
console.log(Object.keys("x😀").join(), show(Object.getOwnPropertyNames("😀")));
const keys = [];
for (const k in new String("😀y"))
	keys.push(k);
console.log(keys.join(), 1 in Object("😀"), 2 in Object("😀"));
console.log(String.fromCharCode(0xd83d, 0xde00) === "😀", String.fromCharCode(0xd83d).length,
	String.fromCodePoint(0x1f600, 0x41).length, String.fromCodePoint(0x1f600).codePointAt(0));
const words = ["naïve", "日本語", "👍🏽", "👨‍👩‍👧", "🇫🇷"];
for (const w of words)
	console.log(w, w.length, [...w].length, w.split("").length, Array.from(w).length);
const big = "😀".repeat(1000) + "end";
console.log(big.length, big.charCodeAt(1999), big[2000], big.indexOf("end"), big.slice(-3));
