// slice, substring, substr, pad and friends count UTF-16 units; cutting a
// pair leaves its lone surrogates, and the halves joined are whole again.
const s = "x😀y🎉z";
const show = (v) => JSON.stringify(v);
for (let a = -3; a <= s.length; a++)
	console.log(a, show(s.slice(a)), show(s.slice(0, a)), show(s.substring(a, 3)), show(s.substr(a, 2)));
console.log(show(s.slice(2, 2)), show(s.slice(2, 3)), show(s.substring(5, 2)), show(s.slice(-2, -1)));
console.log(s.slice(0, 2) + s.slice(2) === s, (s.slice(0, 2) + s.slice(2)).length, s.substring(0, 4) + s.substring(4) === s);
const parts = [];
for (let i = 0; i < s.length; i++)
	parts.push(s.slice(i, i + 1));
console.log(parts.length, show(parts), parts.join("") === s);
console.log(show("😀".padStart(4, "ab")), show("ab".padEnd(5, "😀")), show("ab".padStart(3, "🎉")), "🎉".padEnd(2) === "🎉");
console.log(show(" 😀 ".trim()), show("😀".repeat(3)), "😀".repeat(3).length, show("😀x".concat("\ud83c", "\udf89")));
const lone = "a\ud800b\udc00c";
console.log(lone.length, show(lone), lone.charCodeAt(1).toString(16), lone.charCodeAt(3).toString(16), show(lone.slice(1, 4)));
console.log("\ud83d" + "\ude00" === "😀", ("\ud83d" + "\ude00").length, show("x😀".slice(1, 2) + "y"));
console.log(show(s.split("").reverse().join("")), show([...s].reverse().join("")));
console.log("ÄÖÜ😀ß".toUpperCase(), "ÄÖÜ😀".toLowerCase(), "😀".toUpperCase().length, "e\u0301😀".normalize("NFC").length, "é😀".normalize("NFD").length);
