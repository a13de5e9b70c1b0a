// U+2028 and U+2029 end a line after a number and after a regular
// expression's flags, as after any other token (found by the fuzzer).
var a = 1 console.log(a, /f/ .source) console.log(/g/g .flags, 2 + 3, /h/i .flags)
const r = /x/ const n = 0x10 console.log(r.test("x"), n)
