// Function.prototype.name of every form of function.
function decl() {}
var fe = function () {};
var named = function inner() {};
let le = () => 1;
const ce = async () => 2;
var ge = function* () {};
let x;
x = function () {};
let y = (0, function () {});
const o = {
	a() {},
	b: function () {},
	c: () => 3,
	"d e": function () {},
	42: function () {},
	get g() { return 1; },
	set g(v) {},
	*gen() {},
	async am() {},
	k: class {},
};
function dp(p = function () {}, q = () => 1) { return [p.name, q.name]; }
const { dd = function () {} } = {};
const [ad = () => 0] = [];
class A {
	constructor() {}
	m() {}
	static s() {}
	get acc() { return 1; }
	set acc(v) {}
	static get sg() { return 1; }
	f = () => 1;
	static sf = function () {};
}
class B extends A {}
const C = class {};
const D = class Named {};
var z;
z ??= function () {};
const gd = Object.getOwnPropertyDescriptor(o, "g");
const ad2 = Object.getOwnPropertyDescriptor(A.prototype, "acc");
console.log(decl.name, fe.name, named.name, le.name, ce.name, ge.name, x.name, JSON.stringify(y.name));
console.log(o.a.name, o.b.name, o.c.name, o["d e"].name, o[42].name, gd.get.name, gd.set.name, o.gen.name, o.am.name, o.k.name);
console.log(dp().join(), dd.name, ad.name);
console.log(A.name, new A().m.name, A.s.name, ad2.get.name, ad2.set.name, Object.getOwnPropertyDescriptor(A, "sg").get.name, new A().f.name, A.sf.name);
console.log(B.name, B.s.name, new B().m.name, C.name, D.name, z.name);
console.log(decl.bind(null).name, le.bind(null).bind(null).name, Math.max.name, [].map.name, JSON.stringify.name, Object.name, Array.name);
console.log(JSON.stringify((function () {}).name), JSON.stringify((() => 1).name), JSON.stringify((class {}).name));
console.log(new Function("a", "return a").name, Function("return 2").name, (function () {}).bind().name);
