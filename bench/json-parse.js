// JSON.parse of an ordinary document of about 100 KB (an API's list of
// 650 records, 3 levels deep), 20 times, then 20 times with a reviver:
// the fast path that texts shallower than mujs's value stack take.  Run
// under callgrind, with lyjs (tests/corpus), as bench/json.md says.
const rows = [];
for (let i = 0; i < 650; i++)
  rows.push({ id: i, name: 'user' + i, email: 'user' + i + '@example.com', active: i % 3 === 0,
    score: i * 1.25, tags: ['a', 'b' + i, 'c'], address: { city: 'City ' + i, zip: String(10000 + i) } });
const text = JSON.stringify({ page: 1, total: 650, rows });
let n = 0;
for (let k = 0; k < 20; k++) n += JSON.parse(text).rows.length;
for (let k = 0; k < 20; k++) n += JSON.parse(text, (key, v) => v).rows.length;
console.log(text.length, n);
