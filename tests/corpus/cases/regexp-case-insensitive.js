console.log(/abc/i.test("ABC"), /é/i.test("É"), /straße/i.test("STRASSE"), /[a-z]+/i.exec("HeLLo1")[0]);
console.log(/(a)\1/i.test("aA"), "Hello".replace(/L/gi, "_"), /ω/i.test("Ω"));
console.log(/[^a]/i.test("A"), /\u0041/i.test("a"));
