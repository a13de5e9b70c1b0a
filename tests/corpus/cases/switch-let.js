function f(x) {
  switch (x) {
    case 1: {
      let r = 'one';
      return r;
    }
    case 2:
      const t = 'two';
      return t;
    default:
      return 'other';
  }
}
console.log(f(1), f(2), f(3));
