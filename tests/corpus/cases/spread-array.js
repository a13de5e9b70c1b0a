const a = [1, 2];
const b = [0, ...a, 3, ...a];
console.log(b.join(','), b.length);
const c = [...a];
c.push(9);
console.log(a.length, c.length);
console.log([...'abc'].join('-'));
console.log([...[], ...[1]].length);
