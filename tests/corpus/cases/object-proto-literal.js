const base = { hello() { return 'hi from base'; } };
const o = { __proto__: base, own: 1 };
console.log(o.hello(), o.own, Object.getPrototypeOf(o) === base);
