// indexOf, lastIndexOf, includes, startsWith and endsWith give UTF-16
// positions, and a lone surrogate finds its half of a pair.
const s = "ab😀cd😀e";
console.log(s.indexOf("c"), s.indexOf("😀"), s.indexOf("😀", 3), s.indexOf("😀", 4), s.indexOf("e"), s.indexOf("z"));
console.log(s.lastIndexOf("😀"), s.lastIndexOf("😀", 5), s.lastIndexOf("c"), s.lastIndexOf("a", -5), s.lastIndexOf(""), s.lastIndexOf("", 3));
console.log(s.indexOf(""), s.indexOf("", 3), s.indexOf("", 99), "abc".indexOf("", 5), "abc".lastIndexOf("c", NaN));
console.log(s.indexOf("\ud83d"), s.indexOf("\ude00"), s.indexOf("\ude00c"), s.indexOf("b\ud83d"), s.lastIndexOf("\ude00"), s.lastIndexOf("\ud83d", 6));
console.log(s.includes("😀c"), s.includes("😀", 7), s.includes("\ude00"), s.startsWith("😀", 2), s.startsWith("\ude00", 3), s.startsWith("c", 4));
console.log(s.endsWith("😀"), s.endsWith("😀", 4), s.endsWith("\ud83d", 3), s.endsWith("e"));
console.log("\ud83d\ud83d\ude00".indexOf("😀"), "\ud83d\ud83d\ude00".length, "x\ud800y".indexOf("\ud800"), "x\ud800y".indexOf("y"));
const text = "Ünïcödé 🎉 party 🎉 time";
console.log(text.indexOf("party"), text.lastIndexOf("🎉"), text.indexOf("time"), text.replaceAll("🎉", "*"), text.replaceAll("🎉", (m, i) => i));
console.log(text.replace("party", (m, i) => `[${i}]`), text.replace("🎉", "$`|"), text.replace("time", "$'<"));
