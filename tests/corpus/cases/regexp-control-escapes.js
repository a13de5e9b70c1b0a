console.log(/\cJ/.test("\n"), /\cj/.test("\n"), /\cA/.test("\x01"), /\c0/.test("\\c0"), /[\cI]/.test("\t"));
console.log(/\t\n\v\f\r/.test("\t\n\v\f\r"), /[\b]/.test("\b"), /\x41\x4a/.test("AJ"), /\x4/.test("x4"));
