function f() {
	var it = arguments[Symbol.iterator](), r, out = [];
	for (r = it.next(); !r.done; r = it.next()) out.push(r.value);
	return out.join();
}
console.log(f(1, 2, 3), f());
console.log(typeof ({})[Symbol.iterator]);
function g() { return Array.from(arguments).length; }
console.log(g('a', 'b'));
