const s = new Set([1, 2, 2, 3]);
console.log([...s].length, Math.max(...s));
const m = new Map([[1, 'a']]);
const [[k, v]] = m;
console.log(k, v);
