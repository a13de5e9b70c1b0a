console.log(String(/a/gimsuy), /a/gimsuy.flags, /a/dg.flags, /a/.flags === "");
console.log(new RegExp("a", "yg").flags, new RegExp("x").toString(), RegExp.prototype.toString.call(/b/i));
console.log(/a/.source, /[/]/.source, /a\/b/.source, new RegExp("a/b").source);
console.log(new RegExp("").source, String(new RegExp("")), new RegExp("\n").source);
console.log(String(RegExp.prototype) === "/(?:)/", RegExp.prototype.flags === "");
