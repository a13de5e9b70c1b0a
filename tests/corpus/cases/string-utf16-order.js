// Strings compare and sort by UTF-16 unit, as JavaScript orders them.
const a = ["😀", "a", "\uffff", "é", "\ue000", "\0", "b\0", "b", "\ud800", "\udc00", "😀x", "🎉"];
console.log(a.slice().sort().map((c) => [...c].map(x => x.codePointAt(0).toString(16)).join("+")).join());
const r = [];
for (const x of a) for (const y of a) r.push(x < y ? "<" : x > y ? ">" : "=");
console.log(r.join(""));
console.log("\uffff" < "😀", "😀" < "\uffff", "a\0" < "a\x01", "\udc00" > "😀", "\ud83d" < "😀", ["x", "b", "a"].sort().join(), [3, 20, 1].sort().join(), ["한국", "가나", "😀"].sort().join());
console.log([undefined, "b", , "a"].sort().length, JSON.stringify(["\uffff", undefined, "😀"].sort()));
