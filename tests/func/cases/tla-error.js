// A top-level await that rejects fails init with its error and line.
const config = await Promise.resolve({ ready: false });
if (!config.ready) throw new Error('config not ready');
export default function () {}
