// Surrogate pairs built from UTF-16 units are the character they encode.
const lit = "😀";
const fromJson = JSON.parse('"\\ud83d\\ude00"');
const fromCodes = String.fromCharCode(0xd83d, 0xde00);
const halves = String.fromCharCode(0xd83d) + String.fromCharCode(0xde00);
console.log(fromJson === lit, fromCodes === lit, halves === lit, [0xd83d, 0xde00].map((c) => String.fromCharCode(c)).join("") === lit);
console.log(encodeURIComponent(fromJson), JSON.stringify({ k: fromJson }), fromJson, `${fromCodes}!`);
const obj = JSON.parse('{"name":"\\ud83d\\ude00 party \\u00e9t\\u00e9","list":["a\\ud83c\\udf89b"]}');
console.log(obj.name, obj.name === "😀 party été", obj.list[0] === "a🎉b", encodeURIComponent(obj.list[0]));
console.log(new TextEncoder().encode(fromCodes).join(), decodeURIComponent("%F0%9F%98%80") === lit);
console.log("x".concat(String.fromCharCode(0xd83d), String.fromCharCode(0xde00)) === "x😀", [fromJson, "b"].sort().join());
