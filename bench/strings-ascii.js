// String-heavy ASCII work for callgrind, the common case (see
// bench/engine.md):
//   valgrind --tool=callgrind tests/corpus/lyjs bench/strings-ascii.js
const s = "The quick brown fox jumps over the lazy dog. ".repeat(20);
const words = s.split(" ");
let n = 0;
for (let i = 0; i < 1500; i++) {
	n += s.length + s.indexOf("lazy", i % 100) + s.lastIndexOf("fox") + s.charCodeAt(i % 50);
	n += s.slice(i % 30, 60).length + s.substring(5, 40).length + s.substr(3, 10).length;
	n += s.split(" ").length + s.slice(0, 200).split("").length;
	n += s.replace("fox", "cat").length + (s[i % 40] < "m" ? 1 : 0) + (words[i % 50] > words[(i + 1) % 50] ? 1 : 0);
	n += ["b", "a", "c", s.slice(0, 5)].sort().length + s.includes("dog") + s.startsWith("The");
	n += /o(.)/g.exec(s).index + s.search(/dog/) + s.replace(/o/g, "0").length;
	n += JSON.stringify({ k: s.slice(0, 40), i }).length + s.toUpperCase().length;
}
for (const c of s.slice(0, 300)) n += c.length;
console.log(n, words.slice().sort().length);
