// Errors the engine raises (a member of undefined, an undeclared name, a
// bad array length, a call of a non-function, a URI) keep message and
// their trace out of for-in, Object.keys and JSON, as errors from the
// constructors do.
function caught(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
}
const errs = [
  caught(() => { const o = undefined; return o.x; }),
  caught(() => undeclaredName + 1),
  caught(() => new Array(-1)),
  caught(() => { const f = 5; f(); }),
  caught(() => decodeURIComponent('%')),
  caught(() => { null.y = 1; }),
  new Error('made'),
  new TypeError('made too'),
];
for (const e of errs) {
  const seen = [];
  for (const k in e) seen.push(k);
  console.log(e.name, JSON.stringify(e), JSON.stringify(Object.keys(e)),
    JSON.stringify(seen), JSON.stringify(Object.assign({}, e)),
    JSON.stringify({ ...e }), e.propertyIsEnumerable('message'),
    typeof e.message);
}
const wrapped = { error: caught(() => undefined.z), at: 1 };
console.log(JSON.stringify(wrapped));
