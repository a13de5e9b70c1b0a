const o = { a: 1, b: 2 };
[o.a, o.b] = [o.b, o.a];
console.log(o.a, o.b);
const arr = [1, 2, 3];
[arr[0], arr[2]] = [arr[2], arr[0]];
console.log(arr.join(','));
