// JSON.stringify escapes lone surrogates (ES2019) and keeps pairs whole.
const lone = String.fromCharCode(0xd800), low = String.fromCharCode(0xdfff);
console.log(JSON.stringify([lone, low + "x" + lone, "a" + String.fromCharCode(0xd83d, 0xde00) + "b", { [lone]: low }, "é€"]));
console.log(JSON.stringify({ s: "x" + lone }, null, 1), JSON.stringify(undefined), JSON.stringify("plain"));
console.log(JSON.parse(JSON.stringify(lone)) === lone, JSON.stringify(lone).length);
