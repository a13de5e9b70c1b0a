const html = '<a href="/one">1</a> <A HREF="/two">2</A> <input name="csrf" value="tok123">';
const links = [];
const re = /<a\s+href="([^"]*)"/gi;
let m;
while ((m = re.exec(html)) !== null) links.push(m[1]);
console.log(links.join(","), /name="csrf"\s+value="([^"]+)"/.exec(html)[1]);
console.log(html.replace(/<[^>]+>/g, "").trim());
