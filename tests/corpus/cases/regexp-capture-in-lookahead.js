console.log(JSON.stringify(/(?=(\w+))/.exec("hello")), JSON.stringify(/(?!(a))b/.exec("b")));
console.log(JSON.stringify("abc".replace(/(?=(b))/, "[$1]")));
