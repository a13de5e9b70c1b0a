const t = `a
b
c`;
console.log(t.split('\n').length);
function f() {
  throw new Error('line ' + 7);
}
try { f(); } catch (e) { console.log(e.message); }
