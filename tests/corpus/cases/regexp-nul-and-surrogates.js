console.log(/[\0-\x7e]/.test("\0"), /[^\0-\x7E]/.test("é"), /\0/.test("a\0"), /[\0]/.test("\0"), /\x00+/.exec("a\0\0b")[0].length, JSON.stringify("a\0b".split(/\0/)), "x\0y".replace(/\0/, "-"))
const s = "a\ud800b\ud800c"; console.log(s.replace(/b/, "-").length, s.split(/b/).length, s.match(/c/).index, /a.b/.test(s), JSON.stringify(s.match(/./g).length))
console.log(/[^\0-\x7E]/.test("é"), /^[\x00-\x1f]*$/.test("\0\t\n"), "a\0b".replace(/\0/g, "\\\\0"));
