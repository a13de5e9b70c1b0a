// A ReferenceError names the Unicode identifier as written.
const 在る = 1;
console.log(在る);
console.log(無い);
