function f(x) {
  let r = 0;
  if (x > 0) {
    let r = x * 2;
    {
      let r = x * 3;
      console.log('inner', r);
    }
    console.log('mid', r);
  }
  return r;
}
console.log(f(2));
