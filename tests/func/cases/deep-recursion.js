// Recursion thousands deep in VUs, on the stack lent for it: plain,
// mutual, through callbacks and try/finally, sleeping and requesting at
// the bottom (the VU yields there), an async function awaiting itself,
// and the limit's RangeError caught by the iteration.
import http from 'k6/http';
import { check, sleep } from 'k6';
export const options = { vus: 2, iterations: 4 };
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
function tree(n) { return n === 0 ? [] : [tree(n - 1)]; }
function count(t) { return t.map(count).reduce((a, b) => a + b, 1); }
function guarded(n) { try { return n === 0 ? 0 : 1 + guarded(n - 1); } finally { n++; } }
function slept(n) {
	if (n === 0) {
		sleep(0.01);
		return http.get(`${__ENV.TARGET}/get`).status;
	}
	return slept(n - 1);
}
async function down(n) { return n === 0 ? 0 : 1 + await down(n - 1); }
function forever(n) { return forever(n + 1) + 1; }
const atInit = depth(10000);
export default async function () {
	check(atInit, { 'init: 10,000 frames': (v) => v === 10000 });
	check(depth(1000) + depth(10000), { '1,000 and 10,000 frames': (v) => v === 11000 });
	check(isEven(5000), { 'mutual recursion': (v) => v === true });
	check(count(tree(2000)), { 'map callbacks': (v) => v === 2001 });
	check(guarded(2000), { 'try/finally at every level': (v) => v === 2000 });
	check(slept(3000), { 'sleep and request 3,000 deep': (v) => v === 200 });
	check(await down(3000), { 'async function awaiting itself': (v) => v === 3000 });
	let caught = '';
	try { forever(0); } catch (e) { caught = `${e.name}: ${e.message}`; }
	check(caught, { 'the limit is a RangeError': (s) => s === 'RangeError: Maximum call stack size exceeded' });
	check(depth(10000), { 'deep again after the limit': (v) => v === 10000 });
}
