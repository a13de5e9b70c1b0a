console.log(/^x{300}$/.test("x".repeat(300)), /^x{300}$/.test("x".repeat(299)));
console.log(/\d{1,256}/.exec("1".repeat(300))[0].length, /^a{255,}$/.test("a".repeat(400)));
console.log(/^(?:ab){1000}$/.test("ab".repeat(1000)), /x{0,65535}/.exec("xxx")[0]);
