// Text of accented letters, no emoji, for callgrind (see bench/engine.md):
//   valgrind --tool=callgrind tests/corpus/lyjs bench/strings-accents.js
const s = "Grüße aus Köln, ".repeat(40);
let n = 0;
for (let i = 0; i < 500; i++) {
	n += s.length + s.indexOf("Köln", i % 100) + s.lastIndexOf("x") + s.charCodeAt(i % 50) + s.codePointAt(6);
	n += s.slice(i % 30, 60).length + s.substring(5, 400).length + s.substr(3, 10).length + s[i % 300].length;
	n += s.split(" ").length + s.slice(0, 200).split("").length + [...s.slice(0, 100)].length;
	n += s.replace("Köln", "Bonn").length + s.replace(/ö/g, ":)").length + (/ß/g.exec(s).index);
	n += ["x", "\uffff", s.slice(0, 9)].sort().length;
}
console.log(n);
