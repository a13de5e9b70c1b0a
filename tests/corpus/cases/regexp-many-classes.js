let p = "";
for (let i = 0; i < 200; i++) p += "[a-" + String.fromCharCode(98 + (i % 20)) + "]";
const re = new RegExp("^" + p + "$");
console.log(re.test("a".repeat(200)), re.test("a".repeat(199) + "z"));
let r = "[";
for (let i = 0; i < 300; i++) r += "\\u" + (0x4e00 + i * 3).toString(16) + "-\\u" + (0x4e00 + i * 3 + 1).toString(16);
r += "]+";
console.log(new RegExp(r).exec("x\u4e00\u4e01\u4e03z")[0].length);
