// Which ES2015-2023 built-ins exist, and a call of each kind.
const checks = {
  "Array.prototype.at": [].at, "flat": [].flat, "flatMap": [].flatMap, "findLast": [].findLast,
  "findLastIndex": [].findLastIndex, "toSorted": [].toSorted, "toReversed": [].toReversed,
  "toSpliced": [].toSpliced, "with": [].with, "copyWithin": [].copyWithin, "entries": [].entries,
  "Array.from": Array.from, "Array.of": Array.of,
  "Object.fromEntries": Object.fromEntries, "Object.hasOwn": Object.hasOwn,
  "Object.entries": Object.entries, "Object.values": Object.values, "getOwnPropertyDescriptors": Object.getOwnPropertyDescriptors,
  "Object.is": Object.is, "Object.assign": Object.assign, "getOwnPropertySymbols": Object.getOwnPropertySymbols,
  "replaceAll": "".replaceAll, "String.at": "".at, "padStart": "".padStart, "padEnd": "".padEnd,
  "trimStart": "".trimStart, "trimEnd": "".trimEnd, "trimLeft": "".trimLeft, "trimRight": "".trimRight,
  "matchAll": "".matchAll, "isWellFormed": "".isWellFormed, "toWellFormed": "".toWellFormed,
  "codePointAt": "".codePointAt, "String.fromCodePoint": String.fromCodePoint, "String.raw": String.raw,
  "startsWith": "".startsWith, "endsWith": "".endsWith, "repeat": "".repeat, "includes": "".includes,
  "Promise.allSettled": Promise.allSettled, "Promise.any": Promise.any, "Promise.race": Promise.race,
  "Promise.prototype.finally": Promise.prototype.finally,
  "AggregateError": typeof AggregateError, "globalThis": typeof globalThis,
  "Symbol.prototype.description": "description" in Symbol.prototype,
  "Number.isInteger": Number.isInteger, "isSafeInteger": Number.isSafeInteger, "EPSILON": Number.EPSILON,
  "Math.trunc": Math.trunc, "Math.sign": Math.sign, "Math.cbrt": Math.cbrt, "Math.log2": Math.log2, "Math.hypot": Math.hypot,
  "Math.clz32": Math.clz32, "Math.fround": Math.fround, "Math.imul": Math.imul, "Math.expm1": Math.expm1, "Math.log1p": Math.log1p,
  "Math.sinh": Math.sinh, "Math.cosh": Math.cosh, "Math.tanh": Math.tanh, "Math.asinh": Math.asinh, "Math.acosh": Math.acosh, "Math.atanh": Math.atanh, "Math.log10": Math.log10,
  "WeakMap": typeof WeakMap, "WeakSet": typeof WeakSet, "WeakRef": typeof WeakRef,
  "queueMicrotask": typeof queueMicrotask,
  "Array.prototype.includes": [].includes,
  "TypedArray at": new Uint8Array(1).at, "TA toSorted": new Uint8Array(1).toSorted, "TA findLast": new Uint8Array(1).findLast,
  "TA with": new Uint8Array(1).with, "TA toReversed": new Uint8Array(1).toReversed,
  "ArrayBuffer.isView": ArrayBuffer.isView, "AB slice": new ArrayBuffer(1).slice,
  "Date.prototype.toISOString": new Date().toISOString, "Date.now": Date.now,
  "RegExp flags": typeof /a/g.flags, "RegExp hasIndices": /a/d.hasIndices, "sticky": /a/y.sticky, "dotAll": /a/s.dotAll,
  "Error cause": new Error("x", { cause: 1 }).cause,
  "AggregateError name": typeof AggregateError === "function" ? new AggregateError([1], "m").name : "-",
};
for (const k of Object.keys(checks)) {
  const v = checks[k];
  console.log(k, typeof v === "function" ? "function" : String(v));
}
const tags = [new Map(), new Set(), new WeakMap(), new WeakSet(), Promise.resolve(), new ArrayBuffer(1), new Uint8Array(1), new DataView(new ArrayBuffer(1)), Math, JSON, [][Symbol.iterator](), new Map().entries(), new Set().values(), "x"[Symbol.iterator](), globalThis.Reflect];
for (const t of tags) console.log(Object.prototype.toString.call(t));
console.log([][Symbol.iterator] === [].values);
console.log(Map.prototype[Symbol.iterator] === Map.prototype.entries, Set.prototype[Symbol.iterator] === Set.prototype.values);
console.log(Symbol.toStringTag in Math, Math[Symbol.toStringTag], Map.prototype[Symbol.toStringTag]);
console.log(String(Symbol("d").description), Symbol().description);
console.log([1,[2,[3,[4]]]].flat(Infinity).join(), [1,2,3].at(-1), "abc".at(-1), "aXbX".replaceAll("X", "-"));
console.log("ab\uD800".isWellFormed(), "ab".isWellFormed(), "ab\uD800".toWellFormed() === "ab\uFFFD");
try { throw new AggregateError([new Error("a")], "agg"); } catch (e) { console.log(e.name, e.message, e.errors.length, e instanceof Error, String(e)); }
const e2 = new Error("outer", { cause: new Error("inner") }); console.log(e2.cause.message, "cause" in new Error("x"), JSON.stringify(Object.keys(e2)));
Promise.allSettled([Promise.resolve(1), Promise.reject(2)]).then(r => console.log(JSON.stringify(r)));
Promise.any([Promise.reject(1), Promise.reject(2)]).catch(e => console.log(e.constructor.name, JSON.stringify(e.errors), e.message));
console.log(Array.from("abc".matchAll(/[a-c]/g), m => m[0] + m.index).join());
console.log(Object.fromEntries(new Map([["a", 1]])).a, Object.hasOwn({a:1}, "a"));
console.log([3,1,2].toSorted().join(), [1,2,3].toSpliced(1,1).join(), [1,2].with(0, 9).join(), [1,2].toReversed().join());
console.log("abc".padStart(5, "-"), "abc".padEnd(5, "*"), "  x ".trimStart() + "|", "|" + " x  ".trimEnd());
console.log(typeof globalThis, globalThis.globalThis === globalThis);
