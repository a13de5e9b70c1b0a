// typeof of a symbol is "symbol" in every form, and of a string "string".
const s = Symbol("d");
const t = "text";
const k = Symbol.for("reg");
const o = { [s]: 1, n: 2 };
let calls = 0;
function get(v) { calls++; return v; }

console.log(typeof s, typeof t, typeof Symbol.iterator, typeof k);
console.log(typeof s === "symbol", typeof t === "symbol");
console.log(typeof s === "string", typeof t === "string");
console.log(typeof s !== "string", typeof t !== "string");
console.log(typeof s !== "symbol", typeof t !== "symbol");
console.log("symbol" === typeof s, "string" == typeof s, "string" != typeof t);
console.log((typeof s) === "symbol", typeof (s) === "symbol");
console.log(typeof s === "object", typeof s === "function", typeof 1 === "number");
console.log(typeof undeclaredName, typeof undeclaredName === "string",
    typeof undeclaredName === "symbol", typeof undeclaredName === "undefined");
console.log(typeof get(s), typeof get(t) === "string", typeof get(s) === "symbol",
    typeof get(1) !== "string", calls);
for (const v of [s, t, 1, {}, null, undefined, () => 0, true]) {
	switch (typeof v) {
	case "symbol": console.log("sym", v.description); break;
	case "string": console.log("str", v); break;
	default: console.log("other", typeof v);
	}
}
const stored = typeof s;
function ret(v) { return typeof v; }
console.log(stored, ret(s), ret(t), [typeof s, typeof t].join());
console.log(typeof s === typeof k, typeof s === typeof t);
const keys = Object.getOwnPropertySymbols(o);
console.log(keys.length, typeof keys[0], keys[0].description, o[keys[0]]);
console.log(typeof Symbol("x").description, typeof s.description === "string");
const isSymbol = (v) => typeof v == "symbol" ||
    (typeof v == "object" && v !== null && false);
console.log(isSymbol(s), isSymbol(t), isSymbol(undefined));
console.log(typeof typeof s, typeof `${t}` === "string", typeof "" === "string");
console.log(typeof o.n === "number", typeof o[s], typeof o.missing);
