// Strings from the script with U+0000, lone surrogate halves, quotes,
// newlines and 5,000 characters, as check and group names, tag keys and
// values and console output: the summary, the export and handleSummary
// get them all.
import { check, group } from 'k6';
import { Counter } from 'k6/metrics';

const odd = new Counter('odd_counter');
const ODD = ['nul\u0000byte', 'lone \ud800 high', 'lone \udc00 low',
	'pair \ud83d\ude00', 'quote " back \\ ', 'new\nline\ttab',
	'x'.repeat(5000), ''];

export const options = { iterations: 1 };

export default function () {
	ODD.forEach((s, i) => {
		check(1, { [s]: () => true });
		group(s || 'empty', () => { check(1, { ['in ' + i]: () => true }); });
		odd.add(1, { [s || 'k']: s });
		console.log(`odd ${i}: ${s.slice(0, 20)}`);
	});
}

export function handleSummary(data) {
	const names = data.root_group.checks.map((c) => c.name);
	return { stdout: JSON.stringify({ names: names, n: data.metrics.checks.values.passes }) };
}
