// Every form of binding spelled like the compiler's names: parameters,
// catch, destructuring, classes, labels, closures, shorthand properties.
function _$g(_$s, ...__ly) { return [_$s, __ly.length]; }
console.log(JSON.stringify(_$g(1, 2, 3)), _$g.name);
const { _$e1, b: [_$p0 = 'def'] = [], ..._$rest } = { _$e1: 'e', c: 1 };
console.log(_$e1, _$p0, JSON.stringify(_$rest), JSON.stringify({ _$e1, _$p0 }));
try { throw new Error('x'); } catch ({ message: _$2 }) { console.log('caught', _$2); }
try { throw 'y'; } catch (_$e) { console.log('caught', _$e); }
class _$this { constructor() { this.v = 'v'; } get __ly() { return this.v; } }
class a$b extends _$this { m() { return () => super.__ly + this.v; } }
console.log(new a$b().m()(), a$b.name, _$this.name);
const counters = [];
for (let _$1 = 0; _$1 < 3; _$1++) counters.push(() => _$1);
console.log(counters.map((c) => c()).join());
__ly: for (const x of [1, 2]) { for (const y of [1, 2]) { if (y === 2) continue __ly; console.log(x, y); } }
const o = { _$g() { return 'method'; }, ['__ly' + 'x']: function () {}, a$b: () => 1 };
console.log(o._$g(), o._$g.name, o.__lyx.name, o.a$b.name);
let __ly_tick = 0;
const tick = () => { __ly_tick++; };
for (let i = 0; i < 3; i++) tick();
console.log(__ly_tick);
const _$fn = function () {}, _$arrow = () => {};
console.log(_$fn.name, _$arrow.name);
try { _$undeclared; } catch (e) { console.log(e.name, e.message); }
globalThis.a$global = 'global';
console.log(a$global, typeof __ly_missing, typeof _$missing);
function* _$gen() { const _$g = yield 1; return _$g; }
console.log(_$gen.name, JSON.stringify([..._$gen()]));
const t = (s, ..._$v) => s.raw.join('|') + _$v.join();
const _$u = 'u';
console.log(t`a${_$u}b${_$u}`);
const q = { x: { y: null } };
const _$q = q?.x?.y ?? 'nullish';
console.log(_$q, q.x?.['y']?.z);
