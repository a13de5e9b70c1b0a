// Recursion thousands deep through the runtime library's functions
// (Map and Set callbacks, Array.from, Array.prototype.find and flatMap,
// Promise executors), past the engine's 128 calls and 64 tries.
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log(depth(1000), depth(10000));

function viaMap(n) {
	var m = new Map([[n, n]]), r = 0;
	m.forEach(function (v) { r = v === 0 ? 0 : 1 + viaMap(v - 1); });
	return r;
}
console.log(viaMap(1500));

function viaSet(n) {
	var r = 0;
	new Set([n]).forEach(function (v) { r = v === 0 ? 0 : 1 + viaSet(v - 1); });
	return r;
}
console.log(viaSet(1500));

function viaFrom(n) {
	return n === 0 ? 0 : Array.from([n], function (v) { return 1 + viaFrom(v - 1); })[0];
}
console.log(viaFrom(1500));

function viaFind(n) {
	var r = -1;
	[n].find(function (v) { r = v === 0 ? 0 : 1 + viaFind(v - 1); return true; });
	return r;
}
console.log(viaFind(1500));

function viaFlatMap(n) {
	return n === 0 ? [0] : [n].flatMap(function (v) { return [1 + viaFlatMap(v - 1)[0]]; });
}
console.log(viaFlatMap(1500)[0]);

// A Promise executor runs at once: each level's inside the one above.
function viaPromise(n) {
	var r;
	new Promise(function (resolve) { r = n === 0 ? 0 : 1 + viaPromise(n - 1); resolve(r); });
	return r;
}
console.log(viaPromise(1500));

// try/catch/finally at every level, thrown from the bottom, caught 500
// frames above it.
var log = [];
function tries(n) {
	if (n === 0) throw new RangeError('bottom');
	try {
		return tries(n - 1);
	} finally {
		if (n % 250 === 0) log.push(n);
	}
}
function catcher(n) {
	if (n > 0) return catcher(n - 1);
	try { return tries(500); } catch (e) { return e.name + ' ' + e.message; }
}
console.log(catcher(1000), log.join(','));

// At the limit: a RangeError the script catches, and deep calls again.
function forever() { return forever() + 1; }
try { forever(); } catch (e) { console.log(e instanceof RangeError, e.message, depth(2000)); }
var settled = new Promise(function (resolve) { resolve(depth(3000)); });
settled.then(function (v) { console.log('then', v); });
