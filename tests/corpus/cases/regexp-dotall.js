console.log(/a.b/s.test("a\nb"), /a.b/.test("a\nb"), /a.b/s.test("a\rb"), /a.b/.test("a\rb"));
console.log(/^.+$/s.exec("x\ny\u2028z")[0].length, /^.+$/.test("x\u2028"));
console.log(/./.test("\u2029"), /./.test("\v"), /./.test("\f"), /./.test("\u0085"));
