console.log("a-b-c".replaceAll(/-/g, "+"), "a-b-c".replaceAll("-", "$&$&"));
console.log("aaa".replaceAll(/a/g, (m, i) => i));
try { "a".replaceAll(/a/, "b"); } catch (e) { console.log(e instanceof TypeError); }
