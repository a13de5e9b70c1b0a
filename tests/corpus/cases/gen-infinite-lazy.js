// Infinite generators consumed lazily: take, map, filter pipelines.
function* naturals() { let n = 0; for (;;) yield n++; }
function* take(it, n) { for (const v of it) { if (n-- <= 0) return; yield v; } }
function* map(it, f) { for (const v of it) yield f(v); }
function* filter(it, p) { for (const v of it) if (p(v)) yield v; }
console.log(JSON.stringify([...take(filter(map(naturals(), (x) => x * x), (x) => x % 2), 5)]));
const it = naturals();
console.log(it.next().value, it.next().value, it.return(9).value, it.next().done);
