const a = /x/g;
console.log(RegExp(a) === a, new RegExp(a) === a, new RegExp(a).flags, new RegExp(a, "i").flags);
console.log(RegExp(a, "m").flags, RegExp("b", "g").global, new RegExp(/x/y).sticky);
console.log(a instanceof RegExp, Object.prototype.toString.call(a), a.constructor === RegExp, typeof RegExp);
console.log(RegExp.length, RegExp.prototype.constructor === RegExp);
console.log(new RegExp(undefined).source, new RegExp(null).source, new RegExp(123).test("0123"));
