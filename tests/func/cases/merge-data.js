// The merge data every summary export and handleSummary carry.
import { Trend, Gauge } from 'k6/metrics';

const t = new Trend('spread');
const g = new Gauge('level');

export const options = {
	iterations: 4,
	thresholds: { spread: ['p(90)<100'], 'spread{kind:a}': ['max<50'] },
};

export default function () {
	t.add(__ITER * 10, { kind: 'a' });
	g.add(__ITER + 1);
}

export function handleSummary(data) {
	const l = data.lyocell;
	return { stdout: `merge data: version=${l.version} segment=${l.segment} ` +
	    `instance=${l.instance.instance_id} values=${l.metrics.spread.sink.values.length}\n` };
}
