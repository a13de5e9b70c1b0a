// exec, test and lastIndex in UTF-16 units without the u flag: a match
// may begin or end between the halves of a pair.
const show = (v) => JSON.stringify(v);
const s = "😀a🎉b😀";
const g = /./g, found = [];
let m;
while ((m = g.exec(s)) !== null)
	found.push(m.index + ":" + m[0].charCodeAt(0).toString(16) + "/" + g.lastIndex);
console.log(found.join(" "));
const gu = /./gu, foundu = [];
while ((m = gu.exec(s)) !== null)
	foundu.push(m.index + ":" + m[0].length + "/" + gu.lastIndex);
console.log(foundu.join(" "));
const lo = /\uDE00/g;
lo.lastIndex = 0;
console.log(lo.test(s), lo.lastIndex, lo.test(s), lo.lastIndex, lo.test(s), lo.lastIndex);
const y = /[\uDC00-\uDFFF]/y;
y.lastIndex = 1;
console.log(y.test(s), y.lastIndex, y.test(s), y.lastIndex);
y.lastIndex = 4;
console.log(show(y.exec(s)), y.lastIndex);
const yu = /./yu;
yu.lastIndex = 1;
m = yu.exec(s);
console.log(m.index, m[0].length, yu.lastIndex);
const gl = /a|b/g;
gl.lastIndex = 1;
console.log(show(gl.exec(s)), gl.lastIndex);
const e = /(?:)/g;
e.lastIndex = 1;
m = e.exec(s);
console.log(m.index, e.lastIndex);
const eu = /(?:)/gu;
eu.lastIndex = 1;
m = eu.exec(s);
console.log(m.index, eu.lastIndex);
const d = /(.)(?<b>b)(.)/d.exec(s);
console.log(show(d.indices), show(d.indices.groups), d[1].charCodeAt(0).toString(16), d[3].charCodeAt(0).toString(16));
const du = /(.)(?<b>b)(.)/du.exec(s);
console.log(show(du.indices), show(du.indices.groups), du[1] === "🎉", du[3] === "😀");
console.log(show(/(?<hi>[\uD800-\uDBFF])(?<lo>[\uDC00-\uDFFF])/.exec("x🎉").groups));
const t = /🎉/g;
console.log(t.test(s), t.lastIndex, t.test("🎉"), t.lastIndex);
const big = "😀".repeat(500) + "end";
const r = /d/g;
console.log(r.test(big), r.lastIndex, /.{3}$/.exec(big).index, big.search(/\uDE00e/));
const sy = /\uD83D/y;
sy.lastIndex = 998;
console.log(sy.test(big), sy.lastIndex, sy.test(big), sy.lastIndex);
