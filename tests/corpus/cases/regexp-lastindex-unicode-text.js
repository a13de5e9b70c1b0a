const re = /l/g;
const s = "héllo wörld";
const seen = [];
let m;
while ((m = re.exec(s))) seen.push(m.index + "/" + re.lastIndex);
console.log(seen.join(","));
console.log("日本語のテキスト".search(/テ/), "日本語".replace(/本/, "[$&]"));
console.log(JSON.stringify("αβγ-δε".split(/-/)), "ñandú".match(/ú/).index);
