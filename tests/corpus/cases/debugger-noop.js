// debugger does nothing without a debugger attached, as in k6: the
// engine's own dump of its state must not reach the output.
debugger;
function f(x) { debugger; return x + 1; }
async function g() { await 0; debugger; return 'g'; }
function* h() { debugger; yield 1; }
if (f(1) === 2) debugger;
else debugger
console.log(f(1), [...h()].join());
g().then((v) => console.log(v));
