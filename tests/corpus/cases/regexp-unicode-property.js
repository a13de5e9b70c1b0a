console.log(/^\p{L}+$/u.test("héllo"), /\p{Lu}/u.test("abc"), /\p{Lu}/u.test("aBc"), /\P{L}/u.test("abc"));
console.log(JSON.stringify("a1 β2".match(/\p{N}/gu)), /\p{Script=Greek}/u.test("α"), /p{L}/.test("p{L}"));
console.log(/^\p{Emoji_Presentation}$/u.test("😀"), /\p{White_Space}/u.test("\u3000"), /\p{Letter}\p{Uppercase_Letter}/u.test("aB"), /\p{gc=Nd}/u.test("٣"));
