// Text with characters outside the BMP, however the script made it
// (literals, JSON escapes, fromCharCode, halves cut and joined), leaves
// the engine as UTF-8: check names, request bodies, console output.
// Text that is not UTF-8 (utf16-text-bad.txt) has the same indices for
// the string's methods and its regular expressions.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1 };

const lit = 'party 😀🎉';
const cut = lit.slice(0, 7) + lit.slice(7);
const esc = JSON.parse('"party \\ud83d\\ude00\\ud83c\\udf89"');
const bad = open('./utf16-text-bad.txt');
const codes = 'party ' + String.fromCharCode(0xd83d, 0xde00) + String.fromCodePoint(0x1f389);

export default function () {
	const res = http.post(`${__ENV.TARGET}/post`, cut + ' ' + '😀'.slice(0, 1), {
		headers: { 'Content-Type': 'text/plain' },
	});
	const echo = res.json();
	check(res, {
		'😀 status 200': (r) => r.status === 200,
		[esc + ' as sent']: () => echo.data === lit + ' \ufffd',
		'bytes on the wire': () => echo.headers['Content-Length'] === '18',
		'units': () => lit.length === 10 && cut === lit && esc === lit && codes === lit,
		'bad bytes': () => bad.length === 20 && /f/.exec(bad).index === bad.indexOf('f') &&
			bad.search(/h/) === bad.indexOf('h') && bad.replace(/g/, (m, i) => i) === bad.replace('g', (m, i) => i),
	});
	console.log(`sent ${cut} ${lit.length} units, lone ${lit.slice(7, 8)}|`);
}
