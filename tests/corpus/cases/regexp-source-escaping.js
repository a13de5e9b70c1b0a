console.log(new RegExp("/").source, new RegExp("\\/").source, new RegExp("[/]").source);
console.log(new RegExp("a\nb").source, String(new RegExp("a\rb")), /\n/.source);
console.log(eval("/" + new RegExp("x/y").source + "/").test("x/y"));
