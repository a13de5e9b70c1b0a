// Number(string) reads ES2015's binary and octal forms.
const xs = ["0b101", "0B11", "0o17", "0O777", " 0b1 ", "\n0o7\t", "0b", "0b2", "0o8", "-0b1", "+0o1", "0b1.5", "0x1F", "0b" + "1".repeat(40), "0o", "0b 1", "12", " 1e3 ", "", "abc", "0b1e1"];
console.log(xs.map((s) => Number(s)).join());
console.log(+"0b11" + 1, "0o10" * 2, isNaN("0b2"), Number("0b11") === 3);
