export const a = 1;
function f(a, b, a) {
  return a;
}
