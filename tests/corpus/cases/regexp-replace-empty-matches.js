console.log("abc".replace(/x*/g, "-"));
console.log("abc".replace(/(?:)/g, "."));
console.log("aaa".replace(/a*?/g, "<$&>"));
console.log("héé".replace(/x*/g, "|"));
console.log("".replace(/x*/g, "E"), "".replace(/x/g, "E"));
