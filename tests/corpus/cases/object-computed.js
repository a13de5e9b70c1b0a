const k = 'dyn';
let i = 0;
const o = { [k]: 1, [k + '2']: 2, [`t${i++}`]: 'tpl', static: 3, [i]: 'one' };
console.log(o.dyn, o.dyn2, o.t0, o.static, o[1]);
const m = { [k]() { return 'method ' + k; } };
console.log(m.dyn());
