// matchAll steps over an empty match by a code point with the u flag (a
// whole surrogate pair), by a code unit without it.
const s = "a😀b🎉";
console.log([...s.matchAll(/(?:)/gu)].map((m) => m.index).join(), [...s.matchAll(/x*/gu)].length);
console.log([..."😀😀".matchAll(/(?=\p{Emoji_Presentation})/gu)].map((m) => m.index).join(), [..."😀".matchAll(/$/gu)].map((m) => m.index).join());
const r = /(?:)/gu;
r.lastIndex = 2;
console.log([..."a😀".matchAll(r)].map((m) => m.index).join());
