function thrower() {
  const x = null;
  return x.y;
}
try {
  thrower();
} catch (e) {
  console.log(e instanceof TypeError);
}
