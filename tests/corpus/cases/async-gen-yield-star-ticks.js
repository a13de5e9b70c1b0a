// The microtask ticks of yield* in async generators, against a counter.
const log = [];
async function* inner(tag) { yield tag + 1; yield tag + 2; return tag + 'r'; }
async function* viaStar(tag) { const r = yield* inner(tag); yield r; }
async function* viaSync(tag) { yield* [tag + 's1', Promise.resolve(tag + 's2')]; }
async function consume(g) { for await (const v of g) log.push(v); }
let n = 0;
(function tick() { if (n < 40) { log.push('t' + n++); Promise.resolve().then(tick); } })();
Promise.all([consume(viaStar('a')), consume(inner('b')), consume(viaSync('c'))]).then(() => console.log(log.join(' ')));
