const o = { a: { b: [10, 20] } };
const f = (x) => x * 2;
console.log(`${o.a.b[1]} ${f(3)} ${o?.a?.c ?? 'none'} ${[1, 2].map(x => `<${x}>`).join('')}`);
console.log(`${1}${2}${3}`, `a${''}b`, `${null} ${undefined} ${true}`);
