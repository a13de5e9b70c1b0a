const re = /o+/g;
let m;
const out = [];
while ((m = re.exec("foo boo zoooo")) !== null)
  out.push(m[0] + "@" + m.index + ":" + re.lastIndex);
console.log(out.join(" "), re.lastIndex);
