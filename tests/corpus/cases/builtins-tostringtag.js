const ts = (x) => Object.prototype.toString.call(x);
const all = [new Map(), new Set(), new WeakMap(), new WeakSet(), Promise.resolve(), new ArrayBuffer(1),
  new Uint8Array(1), new Float64Array(1), new DataView(new ArrayBuffer(1)), Math, JSON, Reflect,
  [][Symbol.iterator](), [].keys(), new Map().entries(), new Map().keys(), new Set().values(), new Set().entries(),
  "x"[Symbol.iterator](), "ab".matchAll(/a/g), new WeakRef({}), new FinalizationRegistry(() => {}),
  new TextEncoder(), new TextDecoder(), {}, [], null, undefined, 1, "s", true, () => {}, new Date(0), /x/, new Error("e"),
  new TypeError("t"), (function () { return arguments; })(), new (class Foo {})()];
for (const x of all) console.log(ts(x));
console.log(Map.prototype[Symbol.toStringTag], Math[Symbol.toStringTag], Reflect[Symbol.toStringTag], Promise.prototype[Symbol.toStringTag]);
class Tagged { get [Symbol.toStringTag]() { return "Tagged"; } }
console.log(ts(new Tagged()), String(new Tagged()), `${{ [Symbol.toStringTag]: "Lit" }}`, ts({ [Symbol.toStringTag]: 5 }));
console.log(Object.keys(Map.prototype).length, JSON.stringify(Object.getOwnPropertyNames(Map.prototype).sort()));
console.log(Object.getOwnPropertyDescriptor(Map.prototype, Symbol.toStringTag).writable, Object.getOwnPropertyDescriptor(Map.prototype, Symbol.toStringTag).enumerable);
console.log(Map.prototype.get.name, Set.prototype.add.name, Promise.prototype.then.name, Promise.resolve.name, Reflect.ownKeys.name);
console.log(Object.getOwnPropertyDescriptor(Map.prototype, "size").get.name, Object.getOwnPropertyDescriptor(Set.prototype, "size").get.name, [].values().next.name, "x"[Symbol.iterator]().next.name, new Map().keys().next.name, Map.prototype.forEach.name, Promise.all.name, queueMicrotask.name, Map.prototype.entries === Map.prototype[Symbol.iterator]);
