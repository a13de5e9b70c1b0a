// Adding a property to an object that is frozen, sealed or not
// extensible: silently ignored in sloppy code, a TypeError in strict code
// (modules are strict) with the engine's words; existing properties of a
// sealed object stay writable.
export {};
const frozen = Object.freeze({ a: 1 });
const sealed = Object.seal({ b: 2 });
const closed = Object.preventExtensions({ c: 3 });
for (const [name, o, key] of [['frozen', frozen, 'x'], ['sealed', sealed, 'session'], ['closed', closed, 'y']]) {
	try {
		o[key] = 1;
		console.log(name, 'added');
	} catch (e) {
		console.log(name, e.name, e.message);
	}
}
sealed.b = 5;
closed.c = 6;
console.log(JSON.stringify(sealed), JSON.stringify(closed), Object.isExtensible(closed));
const sloppy = new Function('o', 'o.z = 1; return "z" in o;');
console.log('sloppy', sloppy(frozen));
