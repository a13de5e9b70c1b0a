console.log(Symbol("abc").description, Symbol("a:b").description, Symbol("12:34").description, Symbol().description);
console.log(Symbol.iterator.description, Symbol.asyncIterator.description, Symbol.for("app").description, Symbol.for("").description);
console.log("plain".description, "".description, typeof Object.getOwnPropertyDescriptor(Symbol.prototype, "description").get);
const s = Symbol("k");
const o = { [s]: 1 };
console.log(Object.getOwnPropertySymbols(o).map((x) => x.description).join());
