// User names spelled like the compiler's helpers and module parameters.
function __ly() { return 'user __ly'; }
const __ly_tick = 'tick', __ly_import = 'import', __lymod = 'mod';
let __ly_regexp = 're';
class __ly_rt { m() { return 'rt'; } }
console.log(__ly(), __ly_tick, __ly_import, __lymod, __ly_regexp, new __ly_rt().m());
const arr = [...'ab', ...[1, 2]];
const o = { ...{ a: 1 }, b: 2 };
const { a, ...rest } = o;
console.log(JSON.stringify(arr), JSON.stringify(rest), `t${a}`, /x/u.test('x'));
class A { get v() { return 1; } }
class B extends A { get v() { return super.v + 1; } }
console.log(new B().v, [1, 2].at?.(-1), o?.b ?? 'none');
console.log(__ly.name, __ly_rt.name, typeof __ly);
