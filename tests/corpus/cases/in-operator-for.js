const o = { a: 1 };
for (let k in o) console.log(k, 'a' in o);
let found = false;
for (let i = ('a' in o ? 0 : 1); i < 1; i++) found = true;
console.log(found);
