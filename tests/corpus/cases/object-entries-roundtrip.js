const o = { b: 2, a: 1 };
const keys = Object.keys(o).sort();
console.log(keys.join(','), keys.map(k => o[k]).join(','));
