const o = { a: 1 };
delete o.a;
console.log(typeof o.a, void 0, typeof undefinedVar, typeof (() => 1));
console.log(-(-1), +'3', !0, ~~5.7, - -2);
