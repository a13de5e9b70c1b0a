const arr = ['a', 'b', 'c'];
for (const x of arr) console.log(x);
let s = '';
for (let ch of 'hey') s += ch.toUpperCase();
console.log(s);
for (const x of []) console.log('never');
let last;
for (last of [1, 2, 3]);
console.log(last);
