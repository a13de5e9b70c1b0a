console.log("a1b22".replace(/\d+/g, (m, i, s) => "<" + m + "@" + i + ":" + s.length + ">"));
console.log("k=v; k2=v2".replace(/(\w+)=(\w+)/g, function (m, k, v, off) {
  return v + "=" + k + "(" + off + ")";
}));
console.log("ab".replace(/(x)?b/, (m, x, i) => typeof x + i));
console.log("abc".replace(/b/, () => 42), "abc".replace(/b/, () => undefined), "abc".replace(/b/, () => null));
