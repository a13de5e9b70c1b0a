// Imports and exports of names spelled like the compiler's own.
import _$l, { _$g, __ly as f, a$1, bump, _$s, plain } from './lib/names.js';
import * as __lyns from './lib/names.js';
console.log(_$g, f(), a$1, _$s, plain, _$l.who(), f.name);
bump();
console.log(a$1, __lyns.a$1, Object.keys(__lyns).sort().join());
export const _$x = 1;
export { _$x as y$2 };
