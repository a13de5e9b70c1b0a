for (let i = 0; i < 3; i++) {
  var last = i;
  const f = () => i;
  if (f() === 1) var seen = true;
}
console.log(last, seen);
