const s = "one\ntwo\r\nthree\u2028four\rfive";
console.log(JSON.stringify(s.match(/^\w+/gm)), JSON.stringify(s.match(/\w+$/gm)));
console.log(JSON.stringify(s.match(/^\w+/g)), JSON.stringify(s.match(/\w+$/g)));
console.log(/^b/m.test("a\nb"), /^b/.test("a\nb"), /a$/.test("a\n"), /a$/m.test("a\n"));
console.log(JSON.stringify("\n\n".match(/^$/gm)));
