// Without the throw option, a value add() cannot take is k6's warning,
// and add() returns false.
import { check } from 'k6';
import { Trend } from 'k6/metrics';

export const options = { iterations: 1 };
const t = new Trend('waits');

export default function () {
	check(null, { 'add of a string that is no number': () => t.add('soon') === false });
}
