// String.prototype.normalize: the four forms.
const s = "Ame\u0301lie \u00C5 \uFB01 \u2460 \u1E9B\u0323 ä\u0000x";
for (const f of [undefined, "NFC", "NFD", "NFKC", "NFKD"]) {
	const n = s.normalize(f);
	console.log(f, n.length, Array.from(n, (c) => c.codePointAt(0).toString(16)).join(" "));
}
console.log("\u0041\u030A" === "\u00C5".normalize("NFD"), "\u00C5".normalize("NFD") === "\u0041\u030A", "caf\u00e9".normalize("NFD").length);
console.log("a\uD800b".normalize().charCodeAt(1).toString(16), "a\uD800b".normalize().length);
try { "x".normalize("nfc"); } catch (e) { console.log(e.name, e.message); }
