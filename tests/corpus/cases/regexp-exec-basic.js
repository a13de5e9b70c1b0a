const m = /a(b)?(c)/.exec("xxacx");
console.log(JSON.stringify(m), m.index, m.input, m.length, m.groups);
console.log(/z/.exec("abc"));
console.log(JSON.stringify(/(\d+)-(\d+)/.exec("tel 12-345 x")));
console.log(/undefined/.test(), /null/.test(null), /1/.exec(12)[0]);
