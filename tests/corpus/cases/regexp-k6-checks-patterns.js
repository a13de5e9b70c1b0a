const body = '{"token":"abc.def.ghi","id":42,"items":[1,2,3]}';
console.log(/"token":"([^"]+)"/.exec(body)[1], body.match(/"id":(\d+)/)[1]);
console.log(/^[A-Za-z0-9-_]+\.[A-Za-z0-9-_]+\.[A-Za-z0-9-_]*$/.test("abc.def.ghi"));
console.log(/status (\d{3})/i.test("Status 200"), "Bearer abc".replace(/^Bearer\s+/i, ""));
const ct = "application/json; charset=utf-8";
console.log(/^application\/(?:[\w.+-]+\+)?json\b/.test(ct), ct.split(/;\s*/)[1].split("=")[1]);
