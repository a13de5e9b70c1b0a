// Several awaits and thens on one promise, pending and settled, fulfilled
// and rejected, thenables and a promise resolved with itself: the order in
// which they run is the specification's.
const log = [];
let release, refuse;
const p = new Promise((r) => { release = r; });
const q = new Promise((_, j) => { refuse = j; });
async function wait(name, x) {
  try {
    log.push(name + " got " + (await x));
  } catch (e) {
    log.push(name + " caught " + e);
  }
}
wait("a", p);
p.then((v) => log.push("then1 " + v));
wait("b", p);
p.then((v) => log.push("then2 " + v));
wait("c", q);
q.catch((e) => log.push("catch " + e));
wait("d", q);
wait("e", { then(r) { log.push("thenable called"); r("T"); } });
wait("f", { get then() { throw new Error("getter"); } });
wait("g", 7);
let self;
self = (async () => { await null; return self; })();
self.catch((e) => log.push("self " + e.constructor.name));
(async () => { return { then(r) { r("from thenable"); } }; })()
  .then((v) => log.push("returned " + v));
release("P");
refuse("Q");
const settled = Promise.resolve("S");
wait("h", settled);
settled.then((v) => log.push("then3 " + v));
setTimeout(() => console.log(log.join("\n")), 0);
