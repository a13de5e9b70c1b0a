// Trend values across VUs on two workers: the coordinator's figures are
// k6's exact ones, sorted values interpolated at p/100 * (n - 1).
import { Trend } from 'k6/metrics';

const small = new Trend('small');
const big = new Trend('big');

export const options = {
	scenarios: {
		one: { executor: 'per-vu-iterations', vus: 4, iterations: 1 },
	},
	thresholds: {
		small: ['med==2.5', 'p(90)==3.7', 'avg==2.5', 'min==1', 'max==4',
			'p(95)<3.85', 'p(95)>3.8499'],
		big: ['med==500.5', 'p(50)==500.5', 'p(90)>900.09', 'p(90)<900.11',
			'p(99)>990.0099', 'p(99)<990.0101'],
	},
};

export default function () {
	small.add(__VU);
	for (let i = 1; i <= 250; i++)
		big.add((__VU - 1) * 250 + i);
}
