const re = /a/g;
console.log(re.test("aa"), re.lastIndex, re.test("aa"), re.lastIndex, re.test("aa"), re.lastIndex);
const s = /x/;
s.lastIndex = 5;
console.log(s.test("x"), s.lastIndex);
const g = /b/g;
g.lastIndex = 10;
console.log(g.test("abc"), g.lastIndex);
