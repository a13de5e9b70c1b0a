// Numbers read correctly rounded and print as the shortest string that
// reads back, the closest of those, as every engine does.
console.log(0.1 + 0.2, 1 / 3, 5e-324, 1e21, 123456789012345680000, 0.000001, 1e-7);
console.log(3.8499999999999996, Number("3.8499999999999996"), 2.5, -0.0, 1.7976931348623157e308);
console.log(Number("5e-324"), parseFloat("0.30000000000000004"), 4.35, 0.000123, 1e300 * 10, -1.5e-10);
console.log(Number(" 12.5e3 "), Number("1e"), parseFloat("1e+"), Number(".5"), Number("5."), Number("."));
console.log(JSON.stringify([0.1 * 3, 2 / 3, 1e-300 / 3, 9007199254740993, 2.2250738585072014e-308]));
var seed = 12345;
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
var out = [], i, x, d, j;
for (i = 0; i < 300; i++) {
  d = "";
  for (j = 0; j < 1 + Math.floor(rnd() * 19); j++) d += Math.floor(rnd() * 10);
  x = Number(d + "e" + (Math.floor(rnd() * 640) - 330));
  out.push(String(x) + " " + String(x / 7) + " " + String(x * 3));
}
console.log(out.join("\n"));
