const fns = [];
for (var i = 0; i < 3; i++) fns.push(((j) => () => j)(i));
console.log(fns.map(f => f()).join(','));
