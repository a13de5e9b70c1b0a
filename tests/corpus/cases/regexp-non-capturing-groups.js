console.log(JSON.stringify(/(?:a)(b)(?:c)/.exec("abc")), JSON.stringify("x1y2".split(/(?:\d)/)));
console.log(JSON.stringify(/(?:(?:(a)))/.exec("a")), /(?:)/.test(""));
