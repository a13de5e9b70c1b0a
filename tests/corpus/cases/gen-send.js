function* acc() {
  let total = 0;
  while (true) {
    const v = yield total;
    if (v === undefined) return total;
    total += v;
  }
}
const a = acc();
a.next();
console.log(a.next(5).value, a.next(10).value, JSON.stringify(a.next()), JSON.stringify(a.next(1)));
