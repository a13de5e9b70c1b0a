const line = 'a,"b,c",d,"e ""q"" f",,g';
const re = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g;
const out = [];
let m;
while ((m = re.exec(line)) !== null) {
  out.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
  if (m[0].length === 0) re.lastIndex++;
}
console.log(JSON.stringify(out));
