console.log(/(?<=\$)\d+(\.\d+)?/.exec("cost $42.50")[0], /(?<!\$)\b\d+/.exec("$42 and 17")[0]);
console.log(JSON.stringify("a1 b2 c3".match(/(?<=[ab])\d/g)), "x-y".replace(/(?<=-)y/, "Z"));
console.log(/(?<=^|,)b/.test("a,b"), /(?<=(\d)(\d\d))$/.exec("1053").slice(1).join("|"));
