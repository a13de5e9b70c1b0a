// Calls nested thousands deep, past the engine's fixed stacks of 256
// values, 128 environments and frames, and 64 tries: plain, mutual and
// through try/catch/finally, getters, Array.prototype.map callbacks and
// async functions awaiting themselves, with objects only the outer frames
// hold while the collector runs, and an exception caught 500 frames up.
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log('plain', depth(1000), depth(10000));

function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
console.log('mutual', isEven(5000), isOdd(5001));

function keep(n) {
  const mine = { n: n, tag: 'level' + n, list: [n, n * 2] };
  let junk = [];
  for (let i = 0; i < 20; i++) junk.push({ i: i, s: 'x' + i });
  junk = null;
  const inner = n === 0 ? 0 : keep(n - 1);
  return inner + mine.list[1] - mine.n + (mine.tag === 'level' + n ? 0 : 1e9);
}
console.log('kept', keep(3000));

function closures(n) {
  const x = { v: n };
  const f = () => x.v;
  return n === 0 ? f() : closures(n - 1) + f() - n;
}
console.log('closures', closures(3000));

// Thrown at the bottom, caught and rethrown at every level, finally
// blocks on the way out.
const seen = [];
function tf(n) {
  if (n === 0) throw new Error('bottom');
  try {
    return tf(n - 1);
  } catch (e) {
    if (n % 100 === 0) seen.push(n);
    throw e;
  } finally {
    if (n % 500 === 0) seen.push('f' + n);
  }
}
try { tf(2000); } catch (e) {
  console.log('try', e.message, seen.length, seen.slice(0, 3).join(), seen.slice(-2).join());
}

// Thrown 500 frames below the try that catches it, itself 2000 deep,
// then the same depths used again.
function thrower(n) { if (n === 0) throw new Error('from below'); return thrower(n - 1); }
function catchAt(n, at) {
  if (n === at) {
    try { return thrower(500); } catch (e) { return 'caught ' + e.message + ' ' + depth(500); }
  }
  return catchAt(n + 1, at);
}
console.log(catchAt(0, 2000), catchAt(0, 2500));

// Finally blocks alone, 1000 deep.
let fin = 0;
function onlyFinally(n) { try { return n === 0 ? 0 : 1 + onlyFinally(n - 1); } finally { fin++; } }
console.log('finally', onlyFinally(1000), fin);

function tree(n) { return n === 0 ? [] : [tree(n - 1)]; }
function count(t) { return t.map(count).reduce((a, b) => a + b, 1); }
console.log('map', count(tree(2000)));

const chain = {};
let o = chain;
for (let i = 0; i < 2000; i++) { o.next = {}; o = o.next; }
function len(x) {
  return Object.defineProperty({}, 'v', { get() { return x.next ? 1 + len(x.next).v : 0; } });
}
console.log('getters', len(chain).v);

class Node {
  constructor(n) { this.child = n === 0 ? null : new Node(n - 1); }
  get size() { return this.child === null ? 1 : 1 + this.child.size; }
}
console.log('constructors', new Node(1500).size);

// Past the limit: a RangeError, caught, and the stack works again.
function forever(n) { return forever(n + 1) + 1; }
try { forever(0); } catch (e) {
  console.log('limit', e instanceof RangeError, e.message, depth(1000));
}

async function down(n) { return n === 0 ? 0 : 1 + await down(n - 1); }
down(3000).then((v) => console.log('async', v));
