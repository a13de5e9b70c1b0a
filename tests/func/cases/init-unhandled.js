// A promise the init code rejects and nobody handles fails init, as
// k6's event loop ends the init code with that error.
Promise.reject(new Error('init gave up'));
export default function () {}
