console.log(/\u0041/.test("A"), /\u00e9/.test("é"), /\u{1F600}/u.test("😀"), /\u{41}/u.test("A"));
console.log(/\u{2}/.test("uu"), /^\uD83D\uDE00$/u.test("😀"), /[\u4e00-\u9fff]+/.exec("漢字abc")[0]);
console.log(new RegExp("\\u0062").test("b"), /\u2028/.test("\u2028"), /^[\u{1F600}-\u{1F64F}]$/u.test("😃"));
