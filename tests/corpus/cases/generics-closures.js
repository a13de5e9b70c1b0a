function makeCounter() {
  let c = 0;
  return { inc: () => ++c, get: () => c };
}
const a = makeCounter(), b = makeCounter();
a.inc(); a.inc(); b.inc();
console.log(a.get(), b.get());
