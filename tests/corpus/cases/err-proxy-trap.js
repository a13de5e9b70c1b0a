const p = new Proxy({ a: 1 }, { getPrototypeOf() { return null; } });
console.log(p.a);
