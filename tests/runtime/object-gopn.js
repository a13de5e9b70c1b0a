var s = Symbol('t'), o = {};
Object.defineProperty(o, 'hidden', { value: 1, enumerable: false });
o.vis = 2;
o[s] = 3;
console.log(Object.getOwnPropertyNames(o).sort().join(), Object.getOwnPropertySymbols(o).length);
var m = new Map(); var key = {}; m.set(key, 1);
console.log(Object.getOwnPropertyNames(key).length, Object.keys(key).length, JSON.stringify(key));
console.log(Object.getOwnPropertySymbols({}).length);
