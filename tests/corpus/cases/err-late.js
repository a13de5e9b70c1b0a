for (const x of [1]) {
  x = 2;
}
function f() {
  return
}
const y = ;
