// User bindings spelled like the compiler's own names, in async functions
// and generators: each must stay the user's.
async function f(a) { let _$g = 1; await 0; return _$g + a; }
async function f2(_$s) { const _$l = await _$s; return [_$s, _$l]; }
async function f3() {
	_$l: for (var i = 0; i < 3; i++) { await 0; if (i === 1) break _$l; }
	return i;
}
async function f4() {
	var _$1 = 'one', _$2 = 'two';
	const [x, y] = await Promise.resolve([1, 2]);
	return _$1 + _$2 + x + y;
}
async function f5() {
	try { await Promise.reject(new Error('no')); } catch (_$e1) { return 'caught ' + _$e1.message; }
}
async function f6({ _$g: a }, [_$p0] = [7]) { await 0; return a + _$p0; }
async function f7() {
	let _$g = 'closed';
	const read = () => _$g;
	await 0;
	_$g = 'changed';
	return read();
}
function* g(_$s) { const _$g = yield _$s; yield _$g; }
function* g2() { let _$unused = 'u'; for (const _$3 of [1, 2]) yield _$3 + _$unused; }
const it = g(5);
console.log(JSON.stringify([it.next().value, it.next('sent').value, it.next().done]));
console.log(JSON.stringify([...g2()]));
async function* ag(_$s) { for await (const _$g of [_$s, Promise.resolve(_$s + 1)]) yield _$g; }
(async () => {
	console.log(await f(2));
	console.log(JSON.stringify(await f2('s')));
	console.log(await f3());
	console.log(await f4());
	console.log(await f5());
	console.log(await f6({ _$g: 3 }));
	console.log(await f7());
	const out = [];
	for await (const v of ag(10)) out.push(v);
	console.log(JSON.stringify(out));
})();
