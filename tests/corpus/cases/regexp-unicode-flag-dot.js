console.log(/^.$/u.test("😀"), /^.$/u.test("é"), /😀+/u.test("😀😀"));
console.log("a😀b".replace(/😀/u, "-"), /[😀]/u.test("😀"));
