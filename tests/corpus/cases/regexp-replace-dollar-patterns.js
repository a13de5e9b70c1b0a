const s = "John Smith";
const re = /(\w+)\s(\w+)/;
console.log(s.replace(re, "$2, $1"));
console.log(s.replace(re, "$$ $& [$`] [$'] $0 $3 $9 $01 $10 $11"));
console.log("abcdefghijkl".replace(/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/, "$11-$10-$1-$011-$12"));
console.log("x".replace(/x/, "$"), "x".replace(/x/, "a$"), "x".replace(/x/, "$z"));
console.log("aXbXc".replace(/X/g, "[$`|$']"));
