console.log(JSON.stringify(/a|ab/.exec("abc")), JSON.stringify(/(a|ab)(c|bcd)(d*)/.exec("abcd")));
console.log(/a+?b/.exec("aaab")[0], /a{2,3}?/.exec("aaaa")[0], /(?:a|b)*c/.exec("ababc")[0]);
console.log(/^(?:x|y){3}$/.test("xyx"), /a{,2}/.test("a{,2}"), /a{2/.test("a{2"), /x{1}}/.test("x}"));
console.log(/]/.test("]"), /}/.test("}"), /a{1,2}{/.test("a{"));
