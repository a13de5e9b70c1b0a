console.log(/(a)\1/.test("aa"), /(a)\1/.test("ab"), /\1(a)/.exec("a")[0], /(a)|\1b/.exec("b")[0]);
console.log(/(\w)(\w)\2\1/.test("abba"), JSON.stringify(/(a)?b\1/.exec("b")));
console.log(/(?:(a)|b)\1c/.exec("bc")[0], JSON.stringify("aabb".match(/(\w)\1/g)));
