// A let, const or class of an inner block (a loop's head, a catch, a
// switch) of a generator, an async function or a plain function is not
// seen outside its block, nor stale in the block's next turn, and
// shadows an outer name only inside it.
const out = [];
const log = (...a) => out.push(a.join(" "));
const tdz = (f) => { try { return f(); } catch (e) { return e instanceof ReferenceError ? "TDZ" : "?"; } };
function* g1() { if (true) { const k = 2; } yield typeof k; }
function* g2() { let x = "outer"; { let x = "inner"; yield x; } yield x; }
function* g3() { for (let i = 0; i < 2; i++) { let v; yield v; v = i; } yield typeof i; }
function* g4() { try { throw 1; } catch (e) { yield e; } yield typeof e; }
function* g5() { switch (1) { case 1: let s = 3; yield s; } yield typeof s; }
function* g6() { for (const q of [1, 2]) yield q; yield typeof q; }
function* g7() { for (const q in { a: 1 }) yield q; yield typeof q; }
function* g8() { { class C {} yield typeof C; } yield typeof C; }
function* g9() { { yield tdz(() => t); let t = 1; yield t; } }
function* g10() { for (let i = 0; i < 3; i++) { let w; if (i == 1) w = 5; yield w; } }
function* g11() { let x = 1; { yield x; let x2 = x; { let x = x2 + 1; yield x; } yield x; } }
function plain() { { let inner = 1; } return typeof inner; }
async function a1() { { let inner = 1; } return typeof inner; }
async function a2() {
	const fs = [];
	for (let i = 0; i < 3; i++) { fs.push(() => i); await null; }
	return fs.map(f => f()).join(",");
}
async function a3() {
	const fs = [];
	for (const x of [1, 2, 3]) { let y = x * 10; await null; fs.push(() => y); }
	return fs.map(f => f()).join(",");
}
async function a4() {
	const fs = [];
	for (const k in { a: 1, b: 2 }) { await null; fs.push(() => k); }
	return fs.map(f => f()).join(",");
}
async function a5() { let n = "o"; if (n) { await null; const r = tdz(() => n); let n = 1; return r + n; } }
async function a6() { let i = "o"; for (let i = 0; i < 1; i++) await null; return i + typeof j; }
async function a7() {
	const r = [];
	for (let i = 0; i < 2; i++) { let j; r.push(j); j = i; await null; }
	{ await null; let j = "block"; r.push(j); }
	return r.join("|") + typeof j;
}
async function a8() {
	const fs = [];
	let n = 0;
	while (n < 3) { let m = n++; fs.push(() => m); await null; m += 10; }
	for (let i = 0; i < 3; i++) {
		let v;
		if (i !== 1) v = i;
		await null;
		fs.push(() => v);
		const w = i;
		{ let u = w; fs.push(() => u); await null; u *= 100; }
	}
	return fs.map(f => f()).join(",");
}
async function a9() {
	const fs = [];
	for (let i = 0; i < 3; i++) { try { throw i; } catch (e) { await null; fs.push(() => e); e = e * 10; } }
	for (let i = 0; i < 3; i++) { await null; try { throw i; } catch (e) { fs.push(() => e); e = e * 10; } }
	for (let i = 0; i < 2; i++) { try { throw { k: i }; } catch ({ k }) { await null; fs.push(() => k); k++; } }
	for (let i = 0; i < 2; i++) { await null; { let { a } = { a: i }; fs.push(() => a); a += 5; } }
	for (let i = 0; i < 2; i++) { let [b] = [i]; await null; fs.push(() => b); b += 7; }
	for (const x of [1, 2]) { let d = x; await null; fs.push(function named() { return d; }); d *= 3; }
	for (let i = 0; i < 2; i++) { class K { m() { return e; } } let e = i; await null; fs.push(() => new K().m()); e--; }
	return fs.map(f => f()).join(",");
}
{ let top = 1; }
log("top", typeof top);
for (const g of [g1, g2, g3, g4, g5, g6, g7, g8, g9, g10, g11])
	log(g.name, [...g()].join(","));
log("plain", plain());
(async () => {
	for (const f of [a1, a2, a3, a4, a5, a6, a7, a8, a9])
		log(f.name, await f());
	console.log(out.join("\n"));
})();
