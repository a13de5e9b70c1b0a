console.log(String.raw`a\nb${1}c`);
console.log(String.raw`\u00e9`.length);
