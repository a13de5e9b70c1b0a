const a = null;
console.log((a ?? 1) + 1, a ?? (0 || 5), (a || null) ?? 'd');
const obj = { count: 0 };
console.log(obj.count ?? 10, obj.missing ?? 10);
