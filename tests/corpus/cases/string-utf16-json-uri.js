// Lone surrogates: JSON escapes them, URI encoding refuses them,
// TextEncoder writes U+FFFD; whole pairs round-trip everywhere.
const show = (v) => JSON.stringify(v);
const lone = "😀".slice(0, 1), low = "😀".slice(1);
console.log(show(lone), show(low), show({ k: "a" + low + "b" }), show([lone + low]), JSON.parse(show(lone)) === lone);
const obj = { name: "😀 party", cut: "😀".slice(1), list: ["🎉", "\ud800x"] };
const round = JSON.parse(JSON.stringify(obj));
console.log(round.name === obj.name, round.cut === obj.cut, round.list[1].length, round.name.length, show(round));
console.log(JSON.parse('"\\ud83d\\ude00"').length, JSON.parse('"\\ud83d"').length, show(JSON.parse('["\\udc00\\ud800"]')));
console.log(encodeURIComponent("😀é"), encodeURI("a b😀"), decodeURIComponent("%F0%9F%98%80").length);
for (const bad of [lone, low, "x" + lone + "y"]) {
	try {
		encodeURIComponent(bad);
		console.log("encoded");
	} catch (e) {
		console.log(e.name, e.message);
	}
	try {
		encodeURI(bad);
		console.log("encoded");
	} catch (e) {
		console.log(e.name, e instanceof URIError);
	}
}
const enc = new TextEncoder();
console.log(enc.encode(lone).join(), enc.encode("a" + low).join(), enc.encode("😀").join(), enc.encode("😀".slice(0, 1) + "😀".slice(1)).join());
console.log(new TextDecoder().decode(enc.encode("x😀y")).length, new TextDecoder().decode(new Uint8Array([0xf0, 0x9f, 0x8e, 0x89])).length);
