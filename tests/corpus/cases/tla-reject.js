// A module whose top-level await rejects fails its evaluation with that
// error: import() of it rejects; a module that awaited it never runs.
const m = await import('./lib/tla-fails.js').catch((e) => 'import failed: ' + e.message);
console.log(m);
