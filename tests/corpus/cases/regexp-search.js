console.log("abcabc".search(/c/), "abc".search(/x/), "abc".search("b"), "a.c".search("."));
const g = /c/g; g.lastIndex = 2;
console.log("abcabc".search(g), g.lastIndex);
console.log("xay".search(/a/y), "ay".search(/a/y));
