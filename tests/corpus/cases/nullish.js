const a = null ?? 'x';
const b = 0 ?? 'y';
const c = '' ?? 'z';
const d = undefined ?? null ?? 'w';
console.log(a, b, c === '', d);
let calls = 0;
const f = () => { calls++; return 1; };
const e = 5 ?? f();
console.log(e, calls);
