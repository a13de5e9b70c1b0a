console.log(JSON.stringify("abcabc".match(/b/)), "abcabc".match(/b/).index);
console.log(JSON.stringify("abcabc".match(/b/g)), "abc".match(/x/g), "abc".match(/x/));
console.log(JSON.stringify("a.b".match(".")), JSON.stringify("a+b".match("\\+")));
console.log(JSON.stringify("abc".match(/x*/g)), JSON.stringify("abc".match()));
const g = /c/g; g.lastIndex = 2;
console.log(JSON.stringify("cbc".match(g)), g.lastIndex);
