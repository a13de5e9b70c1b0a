console.log("aXa".replace("X", "$&$&"), "a.b.c".replace(".", "-"));
console.log("a+b".replace("+", () => "plus"), "abc".replace("b", "$'$`"));
console.log("x".replace(undefined, "y"), "undefined".replace(undefined, "y"));
