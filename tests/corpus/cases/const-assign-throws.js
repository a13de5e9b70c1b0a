const x = 1;
try {
  x = 2;
} catch (e) {
  console.log(e instanceof TypeError, e.message);
}
try {
  x++;
} catch (e) {
  console.log(e instanceof TypeError);
}
try {
  x += 5;
} catch (e) {
  console.log(e.name);
}
console.log(x);
