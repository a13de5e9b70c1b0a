// await in new arguments, tagged templates and sequence expressions.
const tick = (v) => Promise.resolve(v);
class P { constructor(a, b) { this.s = a + b; } }
function tag(strs, ...vals) { return strs.raw.join('|') + ':' + vals.join(','); }
(async () => {
  console.log(new P(await tick(1), await tick(2)).s);
  console.log(tag`a${await tick('A')}b${await tick('B')}c`);
  let x = 0;
  const y = (x = await tick(5), x + await tick(1));
  console.log(x, y);
  console.log(typeof await tick(null), -(await tick(3)), !(await tick(0)), void await tick(1));
})();
