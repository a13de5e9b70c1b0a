const re = /(\w)(\d)/g;
console.log("a1 b2 c3".replace(re, (m, l, d) => "x9".replace(re, "$2$1") + l + d));
const inner = /b/;
console.log("abcabc".replace(/c/g, () => String("xbx".search(inner))));
