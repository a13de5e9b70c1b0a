const out = [];
for (let i = 0; i < 3; i++) {
  const re = /x/g;
  out.push(re.test("xx") + ":" + re.lastIndex);
}
console.log(out.join(" "));
function f() { return /a/g; }
console.log(f() === f(), f().lastIndex);
