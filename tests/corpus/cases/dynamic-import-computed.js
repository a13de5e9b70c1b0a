// lyjs-only: import() of a specifier computed at run time rejects: only
// a string literal names a module the bundle includes (node resolves it).
const name = './lib/' + 'counter.js';
import(name).then(() => console.log('resolved'), (e) => console.log(e.message));
import('k6').then((k6) => console.log('native', typeof k6.check));
