const re = /(?<q>['"]).*?\k<q>/;
console.log(re.exec(`say "hi" and 'yo'`)[0]);
console.log(/(?<c>.)\k<c>/.test("abcc"), /(?<c>.)\k<c>/.test("abc"));
console.log(/\k<a>(?<a>b)/.exec("b")[0]);
