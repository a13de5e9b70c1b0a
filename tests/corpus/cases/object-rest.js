const { a, ...rest } = { a: 1, b: 2, c: 3 };
console.log(a, rest.b, rest.c, rest.a);
function f({ x, ...others }) { return x + Object.keys(others).length; }
console.log(f({ x: 10, y: 1, z: 2 }));
