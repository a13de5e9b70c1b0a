const ws = ["\t", "\n", "\v", "\f", "\r", " ", "\u00a0", "\u1680", "\u2000", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff", "\u0085", "\u200b", "x"];
console.log(ws.map(c => /\s/.test(c) ? 1 : 0).join(""));
console.log(ws.map(c => /\S/.test(c) ? 1 : 0).join(""));
console.log(ws.map(c => /[\s]/.test(c) ? 1 : 0).join(""));
console.log(" a\u00a0b\ufeff".replace(/\s/g, "_"), "a b".split(/\s/).length);
console.log("x\u00a0 y".trim(), JSON.stringify("  x  ".replace(/^\s+|\s+$/g, "")));
