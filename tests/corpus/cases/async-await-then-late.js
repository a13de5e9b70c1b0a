// A then that appears after awaits of plain objects: each await after it
// looks it up, on the object's own properties and on its prototypes.
const log = [];
class Box { constructor(v) { this.v = v; } }
async function main() {
  log.push((await { a: 1 }).a, (await new Box(2)).v, (await [3])[0]);
  Object.defineProperty(Object.prototype, 'then', {
    get() { log.push('then read'); return undefined; }, configurable: true });
  log.push((await { a: 4 }).a);
  delete Object.prototype.then;
  Box.prototype.then = function (res) { log.push('Box then'); res(this.v * 10); };
  log.push(await new Box(5), (await { a: 6 }).a);
  return log;
}
main().then((l) => console.log(l.join(' ')));
