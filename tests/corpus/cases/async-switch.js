// await in switch discriminants, case tests and bodies, with fallthrough.
const tick = (v) => Promise.resolve(v);
async function pick(x) {
  const out = [];
  switch (await tick(x)) {
  case await tick(1):
    out.push('one');
  case 2:
    out.push('two ' + await tick('fall'));
    break;
  default:
    out.push('default');
  }
  return out.join('|');
}
(async () => console.log(await pick(1), await pick(2), await pick(3)))();
