const re = /o/g;
console.log(re.test("foo"), re.lastIndex, re.test("bar"), re.lastIndex, re.test("boo"));
const words = ["cat", "dog", "cow"];
const c = /c/g;
console.log(words.filter(w => c.test(w)).join(","));
console.log(words.filter(w => /c/g.test(w)).join(","));
