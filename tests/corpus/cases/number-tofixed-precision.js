// toFixed, toExponential and toPrecision over many numbers, ties included.
let seed = 12345;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const xs = [0, -0, 0.5, 1.5, 2.5, -2.5, 1.25, 1.005, 0.125, 0.375, 1e-7, 1.45e-7, 123456789.5, 9.995, 99.95, 999.5, 1e20, 9.5, 0.05, 0.0005, 5e-324, 1.7976931348623157e308, 4.35, 8.345, 1.0000000000000002];
for (let i = 0; i < 150; i++) {
	const m = Math.floor(rnd() * 1e9), e = Math.floor(rnd() * 40) - 28;
	xs.push(Number((rnd() < 0.5 ? "-" : "") + m + "e" + e));
	xs.push(Math.round(rnd() * 1000) / 8);
}
const lines = [];
for (const x of xs) {
	const r = [];
	for (const f of [0, 1, 2, 5, 20]) r.push(x.toFixed(f));
	for (const f of [undefined, 0, 1, 3, 16]) r.push(x.toExponential(f));
	for (const p of [undefined, 1, 2, 4, 7, 21]) r.push(x.toPrecision(p));
	lines.push(r.join(" "));
}
console.log(lines.join("\n"));
console.log((1e21).toFixed(2), (-1.5e21).toFixed(1), (0.000001).toFixed(100).length, (123).toFixed(), Number.prototype.toFixed.call(new Number(2.5)));
for (const bad of [() => (1).toFixed(101), () => (1).toFixed(-1), () => (1).toExponential(-1), () => (1).toPrecision(0), () => Number.prototype.toFixed.call("1"), () => (1).toFixed(Infinity)])
	try { bad(); console.log("no error"); } catch (e) { console.log(e.name, e.message); }
console.log(NaN.toFixed(2), Infinity.toExponential(200), (-Infinity).toPrecision(200));
const r = [];
const t = (f) => { try { r.push(String(f())); } catch (e) { r.push(e.constructor.name); } };
t(() => (123.456).toExponential()); t(() => (0).toExponential(2)); t(() => (1.5).toFixed(25)); t(() => (1.5).toExponential(30));
t(() => (123.456).toPrecision()); t(() => (123.456).toPrecision(30)); t(() => (-0).toPrecision(2)); t(() => (-1.5e-7).toPrecision(3));
t(() => (99.99).toPrecision(3)); t(() => (999.9).toPrecision(3)); t(() => (0.000001).toPrecision(1)); t(() => (1e-7).toPrecision(1)); t(() => (NaN).toPrecision(3)); t(() => (123).toPrecision(0)); t(() => (5e-324).toPrecision(2));
t(() => (123.456).toPrecision(101)); t(() => (-Infinity).toPrecision(2)); t(() => (25).toPrecision(1)); t(() => (35).toPrecision(1));
console.log(r.join(" | "));
