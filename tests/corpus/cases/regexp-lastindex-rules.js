const re = /a/g;
re.lastIndex = 3;
console.log(re.exec("aaa"), re.lastIndex);
re.lastIndex = "1";
console.log(re.exec("aaa").index, re.lastIndex);
const s = /a/;
s.lastIndex = 2;
console.log(s.exec("aaa").index, s.lastIndex);
