console.log(/[/]/.test("/"), "a/b/c".split(/[/]/).length, /[\]]/.test("]"), /[.]/.test("x"), /[$^]/.test("^"));
console.log(/[-a]/.test("-"), /[a-c-e]/.test("-"), /[\s\d]/.test(" "), /[^\s]/.test(" "), /[\w.]+@/.exec("a.b@c")[0]);
