// RegExps without the u flag over text with emoji, which they match in
// UTF-16 units (see bench/engine.md):
//   valgrind --tool=callgrind tests/corpus/lyjs bench/regexp-emoji.js
const s = "Grüße 😀 aus Köln 🎉, ".repeat(40);
let n = 0;
for (let i = 0; i < 200; i++)
	n += s.match(/\w+/g).length + s.replace(/ö/g, "o").length + s.split(/, /).length + s.search(/K.ln!/);
console.log(n);
