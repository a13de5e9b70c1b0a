// The deepest C recursions a VU can reach still work on its small stack:
// a regular expression that backtracks deep (also from a replace callback
// that sleeps) and calls through sort callbacks to the depth limit, on
// the stack lent for them.
import { check, sleep } from 'k6';
export const options = { vus: 2, iterations: 4 };
function depth() {
	var d = 0;
	function r() { d++; [2, 1].sort(function () { r(); return 0; }); }
	try { r(); } catch (e) { /* the RangeError of the limit */ }
	return d;
}
export default function () {
	var long = new Array(20000).join('ab');
	var out = 'a-b'.replace(/-/g, function () {
		sleep(0.05);
		return /(a|b)*c/.test(long) ? '+' : '=';
	});
	check(out, { 'regex inside a replace callback that sleeps': (s) => s === 'a=b' });
	check(/(a|b)*b$/.test(long), { 'regex at the matcher\'s limit': (v) => v === true });
	check(depth(), { 'calls to the depth limit': (d) => d > 5000 });
}
