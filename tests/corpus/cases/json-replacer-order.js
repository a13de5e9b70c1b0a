// A replacer array lists the keys to write and their order, at every level.
const o = { b: 1, a: { c: 3, b: 2, z: 9 }, c: [ { b: 5, a: 6 } ], d: undefined, e: () => 1 };
console.log(JSON.stringify(o, ['c', 'a', 'b']));
console.log(JSON.stringify(o, ['a', 'b', 'a', 1, new String('c')], 2));
console.log(JSON.stringify({ 1: 'one', x: new Number(3) }, [1, 'x']));
console.log(JSON.stringify([{ b: 1, a: 2 }], ['a']), JSON.stringify('s', ['a']), JSON.stringify({ d: new Date(0) }, ['d']));
console.log(JSON.stringify(o, ['d', 'e', 'b']));
