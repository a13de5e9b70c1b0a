// More labels in a loop body run as a function than LOWER_MAX_LABELS: a
// compile error naming the limit, not a program that breaks elsewhere.
var x = 0, fs = [];
for (let i = 0; i < 2; i++) {
  fs.push(function () { return i; });
  l1: { l2: { l3: { l4: { l5: { l6: { l7: { l8: l9: l10: l11: l12: l13: l14: l15: l16: l17: { x += 1; break l17; } } } } } } } }
  x += 10;
}
console.log(x, fs[1]());
