// return of a promise from an async function adopts it (two extra ticks).
const log = [];
async function a() { return Promise.resolve('a'); }
async function b() { return 'b'; }
a().then((v) => log.push(v));
b().then((v) => log.push(v));
Promise.resolve().then(() => log.push('t1')).then(() => log.push('t2')).then(() => log.push('t3'));
setTimeout(() => console.log(log.join(' ')), 0);
