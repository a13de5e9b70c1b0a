const m = /(a)(?<n>b)/.exec("zab");
console.log(Object.keys(m).join(","), Array.isArray(m), m.length);
const g = "ab".match(/./g);
console.log(Object.keys(g).join(","), "index" in g);
