// An async generator that falls off its end settles its last request
// without awaiting undefined (a return statement awaits its value).
const log = [];
async function* g1() { yield 'x'; }
async function consume(g) { for await (const v of g) log.push(v); }
let n = 0;
(function tick() { if (n < 40) { log.push('t' + n++); Promise.resolve().then(tick); } })();
consume(g1()).then(() => console.log(log.join(' ')));
async function* g2() { yield 'y'; return 'r'; }
consume(g2()).then(() => console.log('explicit', log.join(' ')));
