console.log(/\1/.test("\x01"), /\0/.test("\0"), /a\0b/.test("a\0b"), /\8/.test("8"), /\9/.test("9"));
console.log(/[\1]/.test("\x01"), /\101/.test("A"), /\377/.test("\xff"), /(a)\2/.test("a\x02"));
console.log(/\07/.test("\x07"), /[\0]/.test("\0"));
