// Bytes 1 and 2 inside a regular expression literal of a generator or
// async function, alone or escaped, match themselves; the compiler marks
// its jumps with them (found by the fuzzer: it aborted).
function* g() { yield 1; const r = /ab/; const s = "xy"; const t = `pq`; yield [r.test("a\x01b"), s.length, t.charCodeAt(1), /[-]/.test("\x02"), /\/.test("\x01")].join(); }
console.log([...g()].join(" "));
// a comment  with  bytes
async function a() { await 0; return /[]\/.test("\x01\x02"); }
a().then((v) => console.log("async", v));
function* g2() { yield 1; const t = String.raw`pq${1}`; yield [t.length, //u.test("\x01"), /a/y.test("a\x02")].join(); }
console.log([...g2()].join(" "));
