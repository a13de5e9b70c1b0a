const data = { user: { name: 'ann', tags: ['x', 'y'] }, list: [{ id: 1 }, { id: 2 }] };
const { user: { name, tags: [t1, t2] }, list: [, { id }] } = data;
console.log(name, t1, t2, id);
