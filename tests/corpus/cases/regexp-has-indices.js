const m = /a(?<z>b)?(c)/d.exec("xabc");
console.log(JSON.stringify(m.indices), JSON.stringify(m.indices.groups));
const n = /(x)|(y)/d.exec("y");
console.log(JSON.stringify(n.indices), n.indices.groups, n.indices[1]);
console.log("indices" in /a/.exec("a"));
