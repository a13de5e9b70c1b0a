// toUTCString writes HTTP's date form and Date.parse reads it back.
const ts = [0, 86399999, 951782400000, 1136239445000, 1700000000123, -1, -86400001, 253402300799000, Date.UTC(2024, 1, 29, 23, 59, 59)];
for (const t of ts) {
	const s = new Date(t).toUTCString();
	console.log(s, Date.parse(s), Date.parse(s) === Math.floor(t / 1000) * 1000);
}
console.log(new Date(NaN).toUTCString(), Date.parse("Tue, 22 Jun 2021 13:54:40 GMT"), Date.parse("Sun, 06 Nov 1994 08:49:37 GMT"), Date.parse("Sun, 06 Nov 1994 08:49:37 UTC"));
console.log(Date.parse("2020-01-02T03:04:05Z"), Date.parse("garbage"), Date.parse("Sun, 06 Xyz 1994 08:49:37 GMT"));
try { Date.prototype.toUTCString.call({}); } catch (e) { console.log(e instanceof TypeError); }
