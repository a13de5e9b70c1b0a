// then/catch/finally ordering with queueMicrotask and timers.
const log = [];
setTimeout(() => log.push('timeout 0'), 0);
queueMicrotask(() => log.push('micro 1'));
Promise.resolve().then(() => log.push('then 1')).finally(() => log.push('finally 1'));
Promise.reject(new Error('x')).catch((e) => log.push('catch ' + e.message)).then(() => log.push('after catch'));
queueMicrotask(() => log.push('micro 2'));
(async () => { log.push('async body'); await null; log.push('after await null'); })();
setTimeout(() => console.log(log.join('\n')), 5);
