// Calls nested about 100 deep: recursion, exceptions caught at every
// depth, finally blocks, objects only the outer frames hold while the
// collector runs, callbacks through built-ins, getters, generators and
// async functions.
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log('plain', depth(100));

function sum(a, n) { return n === 0 ? a.reduce((x, y) => x + y, 0) : sum(a.concat([n]), n - 1); }
console.log('arrays', sum([], 90));

// Garbage made at every level while each level keeps its own object.
function keep(n) {
	const mine = { n: n, tag: 'level' + n, list: [n, n * 2] };
	let junk = [];
	for (let i = 0; i < 200; i++) junk.push({ i: i, s: 'x' + i });
	junk = null;
	const inner = n === 0 ? 0 : keep(n - 1);
	return inner + mine.list[1] - mine.n + (mine.tag === 'level' + n ? 0 : 1000);
}
console.log('kept', keep(90));

// Thrown at the bottom, caught at every tenth level, rethrown.
const seen = [];
function thrower(n) {
	if (n === 0) throw new Error('bottom');
	try {
		return thrower(n - 1);
	} catch (e) {
		if (n % 10 === 0) {
			seen.push(n);
			throw new Error(e.message + '<' + n);
		}
		throw e;
	} finally {
		if (n % 25 === 0) seen.push('f' + n);
	}
}
try { thrower(60); } catch (e) { console.log('caught', e.message.length, e.message.slice(0, 30)); }
console.log('seen', seen.join(','));

// Caught deep, then the stack is used again at the same depth.
function catchAt(n, at) {
	if (n === at) {
		try { return depth(60); } catch (e) { return -1; }
	}
	return catchAt(n + 1, at);
}
console.log('again', catchAt(0, 30), catchAt(0, 35));

// Recursion through built-ins that call back, and through getters.
function tree(n) { return n === 0 ? [] : [tree(n - 1)]; }
function count(t) { return t.map(count).reduce((a, b) => a + b, 1); }
console.log('map', count(tree(30)));
const chain = {};
let o = chain;
for (let i = 0; i < 40; i++) { o.next = {}; o = o.next; }
function len(x) { return Object.defineProperty({}, 'v', { get() { return x.next ? 1 + len(x.next).v : 0; } }); }
console.log('getters', len(chain).v);

// JSON of nested values, a replacer called at each level.
let nest = 0;
for (let i = 0; i < 50; i++) nest = { v: nest };
console.log('json', JSON.stringify(nest, (k, v) => v).length);

function* gen(n) { if (n > 0) yield* gen(n - 1); yield n; }
let g = 0;
for (const x of gen(15)) g += x;
console.log('generators', g);

async function down(n) { return n === 0 ? 0 : 1 + await down(n - 1); }
down(20).then((v) => console.log('async', v));
