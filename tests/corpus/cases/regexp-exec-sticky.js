const re = /\d+/y;
console.log(JSON.stringify(re.exec("12ab34")), re.lastIndex);
console.log(JSON.stringify(re.exec("12ab34")), re.lastIndex);
re.lastIndex = 2;
console.log(re.exec("12ab34"), re.lastIndex);
re.lastIndex = 4;
console.log(re.exec("12ab34")[0], re.lastIndex);
const t = /a/y;
console.log(t.test("ba"), t.lastIndex, (t.lastIndex = 1, t.test("ba")), t.lastIndex);
