// A then getter that throws rejects, whether a promise resolves with the
// object, an async function returns it, or an await reads it.
const bad = { get then() { throw new Error('getter'); } };
Promise.resolve(bad).then((v) => console.log('ok', v), (e) => console.log('rej', e.message));
new Promise((r) => r(bad)).catch((e) => console.log('rej2', e.message));
(async () => { try { await bad; } catch (e) { console.log('aw', e.message); } return bad; })().catch((e) => console.log('ret', e.message));
Promise.resolve(1).then(() => bad).catch((e) => console.log('then-ret', e.message));
