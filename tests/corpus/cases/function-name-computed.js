// Functions named after computed keys, symbols and private names.
const k = "dyn";
const s = Symbol("tag");
const o = {
	[k]: function () {},
	[k + "2"]() {},
	[s]: () => 1,
	get [k + "g"]() { return 1; },
	[Symbol.iterator]: function* () {},
	[1 + 1]: function () {},
};
class A {
	[k]() {}
	static [s]() {}
	#p() {}
	static #q = () => 1;
	names() { return [this.#p.name, A.#q.name]; }
}
console.log(o.dyn.name, o.dyn2.name, o[s].name, Object.getOwnPropertyDescriptor(o, "dyng").get.name);
console.log(o[Symbol.iterator].name, o[2].name);
console.log(new A().dyn.name, A[s].name, new A().names().join());
const plain = { [k]: 5, ["x"]: (0, function () {}) };
console.log(plain.dyn, JSON.stringify(plain.x.name));
