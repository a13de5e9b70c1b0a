// Promise.prototype.then and Promise.resolve on each of their ways: a
// promise of Promise's (pending or settled), handlers that are no
// functions or that throw, a constructor read once through a getter or
// undefined, a subclass's promise, a foreign receiver, and the order of
// their reactions against awaits and queueMicrotask.
const log = [];
const out = (s) => log.push(String(s));

const a = Promise.resolve(1);
a.then((v) => out('a1 ' + v));
a.then(5, 6).then((v) => out('a2 ' + v));
let res;
const b = new Promise((r) => { res = r; });
b.then((v) => out('b1 ' + v)).then((v) => out('b2 ' + v));
b.then(null, () => out('never')).then((v) => out('b3 ' + v));
queueMicrotask(() => out('micro'));
Promise.reject(new Error('no')).then(undefined).then(null, (e) => out('r ' + e.message));
Promise.resolve(2).then(() => { throw new TypeError('boom'); })
  .then(() => out('never'), (e) => out('caught ' + e.name + ' ' + e.message));
Promise.resolve(3).then(() => ({ then(f) { out('thenable'); f(33); } }))
  .then((v) => out('adopted ' + v));
res('late');
(async () => { out('await ' + await a.then((v) => v + 10)); })();

const c = Promise.resolve(4);
let reads = 0;
Object.defineProperty(c, 'constructor', { get() { reads++; return Promise; } });
c.then((v) => out('getter ' + v + ' reads ' + reads));
const d = Promise.resolve(5);
d.constructor = undefined;
out('undefined ctor ' + (d.then((v) => out('d ' + v)) instanceof Promise));

class Sub extends Promise {}
const s = Sub.resolve(6);
const st = s.then((v) => { out('sub ' + v); return v; });
out('sub then ' + (st instanceof Sub) + ' ' + (Sub.resolve(s) === s) +
  ' ' + (Promise.resolve(s) === s) + ' ' + (Sub.resolve(a) === a));
out('identity ' + (Promise.resolve(a) === a) + ' ' + (Promise.resolve(c) === c));
const e = Promise.resolve(7);
e.constructor = Sub;
out('foreign ctor ' + (e.then(() => {}) instanceof Sub) + ' ' + (Promise.resolve(e) === e));
try {
  Promise.prototype.then.call({}, () => {});
} catch (err) {
  out('receiver ' + err.constructor.name);
}
try {
  Promise.resolve.call(1, 2);
} catch (err) {
  out('resolve this ' + err.constructor.name);
}
out('names ' + Promise.prototype.then.name + ' ' + Promise.prototype.then.length +
  ' ' + Promise.resolve.name + ' ' + Promise.resolve.length);
setTimeout(() => console.log(log.join('\n')), 0);
