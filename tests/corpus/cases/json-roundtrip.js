const data = { list: [1, 2, { x: 'y' }], flag: true, n: null };
const s = JSON.stringify(data.list);
console.log(s, JSON.parse(s)[2].x);
