// A const whose uses in closures need a flag, inside an async function
// and a generator: the flag is declared with the function's names.
async function main() {
  try {
    const t = async () => { try { await null; } catch (e) { } };
    await t();
    const e = 1;
    const read = () => e;
    console.log('async ok', e, read());
  } catch (x) { console.log('BUG', x.message); }
}
function* gen() {
  const early = () => late;
  let r;
  try { r = early(); } catch (x) { r = 'threw ' + (x instanceof ReferenceError); }
  yield r;
  const late = 2;
  yield early();
}
main().then(() => console.log([...gen()].join(' ')));
