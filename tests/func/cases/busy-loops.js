// JavaScript that never blocks still ends at gracefulStop: each scenario
// spins in its own way, and a catch or finally cannot keep it going.
const s = (exec) => ({ executor: 'constant-vus', vus: 1, duration: '1s', gracefulStop: '500ms', exec });
export const options = {
  scenarios: {
    forever: s('forever'), whiles: s('whiles'), dowhile: s('dowhile'), recursion: s('recursion'),
    caught: s('caught'), finals: s('finals'), forof: s('forof'), forin: s('forin'),
    generator: s('generator'), asyncfn: s('asyncfn'),
  },
};
export function forever() { for (;;) {} }
export function whiles() { while (true) {} }
export function dowhile() { let i = 0; do { i++; } while (i > 0); }
// No loop at all: 2^60 calls.
function fan(n) { if (n > 0) { fan(n - 1); fan(n - 1); } }
export function recursion() { fan(60); }
export function caught() {
  for (;;) {
    try { for (;;) {} } catch (e) { /* swallows everything */ }
    try { for (;;) {} } catch { }
  }
}
export function finals() {
  try { for (;;) {} } finally { for (;;) {} }
}
const endless = { [Symbol.iterator]() { return { next() { return { done: false, value: 1 }; } }; } };
export function forof() { for (const x of endless) {} }
export function forin() { const o = { a: 1, b: 2 }; for (;;) for (const k in o) {} }
// State machines: a generator that never yields, an async function
// spinning after an await.
function* spin() { let i = 0; for (;;) { i++; if (i < 0) yield i; } }
export function generator() { spin().next(); }
export async function asyncfn() { await null; while (true) { await 0; } }
export default function () {}
