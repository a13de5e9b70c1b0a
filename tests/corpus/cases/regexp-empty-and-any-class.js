console.log(/[^]/.test("\n"), /a[^]b/.test("a\u2028b"), /[]/.test("a"), /a[]/.test("a"), /[^]*/.exec("ab\ncd")[0].length);
console.log(/[]]/.test("]"), /[^]]/.test("a]"), JSON.stringify("a]b".split(/[\]]/)));
console.log(/[[]/.test("["), /[[:alpha:]]/.test(":"), /[[:alpha:]]/.test("]"), /[a-]/.test("-"));
