// exec.test.abort() in the init code stops the test before it starts.
import exec from 'k6/execution';

exec.test.abort('no target to test');

export default function () {
	console.log('never runs');
}
