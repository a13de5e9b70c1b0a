console.log(/\d/.test("٣"), /\w/.test("é"), /\w/.test("_"), /\W/.test("é"));
console.log(JSON.stringify("héllo wörld".match(/\b\w+\b/g)));
console.log(JSON.stringify("a1_b-c".split(/\W/)), /\bfoo\b/.test("a foo."), /\Bfoo/.test("afoo"));
console.log(/[\d]/.test("5"), /[\D]/.test("5"), /[\w-]+/.exec("ab-c d")[0]);
