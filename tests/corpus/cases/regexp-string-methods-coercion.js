console.log("abc".match({ toString() { return "b"; } })[0], "abc".search(null), "nullx".search(null));
console.log(JSON.stringify("a1b".split(/\d/, undefined)), "x".replace(/x/, { toString() { return "$&$&"; } }));
console.log(String.prototype.match.call(123, /2/)[0], String.prototype.replace.call(5, /5/, "five"));
try { String.prototype.match.call(null, /a/); } catch (e) { console.log(e instanceof TypeError); }
