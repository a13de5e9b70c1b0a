const name = 'world';
const n = 3;
console.log(`hello ${name}!`);
console.log(`${n} + ${n} = ${n + n}`);
console.log(`${'a'}${'b'}`);
console.log(`no subst`);
console.log(`line1
line2`);
console.log(`tick \` and dollar \${x}`);
