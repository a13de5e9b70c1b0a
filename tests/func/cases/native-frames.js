// k6's natives are Go functions: their frames and names are those of
// the Go methods and closures k6 exports.
import http from 'k6/http';
import { check, fail, group, sleep, randomSeed } from 'k6';
import { Counter } from 'k6/metrics';
import encoding from 'k6/encoding';

export const options = { iterations: 1 };
const errs = new Counter('errs');
const K6 = 'go.k6.io/k6/internal/js/modules/k6.(*K6).';
const HTTP = 'go.k6.io/k6/js/modules/k6/http.';

export default function () {
	check(null, {
		'k6': () => fail.name === K6 + 'Fail-fm' && check.name === K6 + 'Check-fm' &&
		    group.name === K6 + 'Group-fm' && sleep.name === K6 + 'Sleep-fm' &&
		    randomSeed.name === K6 + 'RandomSeed-fm' &&
		    fail.length === 1 && check.length === 3 && group.length === 2,
		'http': () => http.get.name === HTTP + '(*RootModule).NewModuleInstance.func2' &&
		    http.head.name === HTTP + '(*RootModule).NewModuleInstance.func3' &&
		    http.post.name === HTTP + '(*Client).getMethodClosure.func1' &&
		    http.del.name === http.post.name &&
		    http.request.name === HTTP + '(*Client).Request-fm' &&
		    http.batch.name === HTTP + '(*Client).Batch-fm' &&
		    http.file.name === HTTP + '(*ModuleInstance).file-fm' &&
		    http.get.length === 2 && http.request.length === 3 && http.batch.length === 1,
		'methods of Go objects': () => http.get('http://127.0.0.1:1/').json.name === 'reflect.methodValueCall',
		'other modules': () => errs.add.name === 'go.k6.io/k6/internal/js/modules/k6/metrics.Metric.add-fm' &&
		    Counter.name === 'go.k6.io/k6/internal/js/modules/k6/metrics.(*ModuleInstance).XCounter-fm' &&
		    Counter.length === 0 &&
		    encoding.b64decode.name === 'go.k6.io/k6/internal/js/modules/k6/encoding.(*Encoding).b64Decode-fm',
	});
	group('g', () => {
		check(1, { 'c': () => fail('x') });
	});
}
