function f() {
  try { return 'try'; } finally { console.log('finally runs'); }
}
console.log(f());
function g() {
  for (const x of [1, 2, 3]) {
    try { if (x === 2) return x; } finally { console.log('f', x); }
  }
}
console.log(g());
