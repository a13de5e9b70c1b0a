const items = ['a', 'b'];
console.log(`list: ${items.map(i => `<${i}>`).join(`${','}`)}`);
const x = 5;
console.log(`${x > 3 ? `big ${x}` : 'small'}`);
