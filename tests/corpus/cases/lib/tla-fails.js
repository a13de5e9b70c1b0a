// Imported by tla-reject.js.
console.log('fails: before');
await Promise.resolve();
const cfg = await Promise.reject(new Error('no config'));
console.log('never', cfg);
