// open()'s errors are k6's: GoErrors in Go's words, paths cleaned.
import { check } from 'k6';

function err(f) {
	try {
		f();
	} catch (e) {
		return e.name + ': ' + e.message;
	}
	return 'no error';
}

const here = import.meta.url.slice(7, import.meta.url.lastIndexOf('/'));
const missing = err(() => open('./open-errors/./nope.txt'));
const dir = err(() => open('./open-errors/'));
const empty = err(() => open(''));
const text = open('./open-errors/../open-errors/a.txt');

export const options = { iterations: 1 };

export default function () {
	const late = err(() => open('./open-errors/a.txt'));
	check(null, {
		'missing file': () => missing === 'GoError: stat ' + here + '/open-errors/nope.txt: no such file or directory',
		'a directory': () => dir === 'GoError: open() can\'t be used with directories, path: "' + here + '/open-errors"',
		'no name is the folder': () => empty === 'GoError: open() can\'t be used with directories, path: "' + here + '"',
		'dot segments': () => text === 'hi\n',
		'outside init': () => late === 'GoError: the "open" function is only available in the init stage ' +
		    '(i.e. the global scope), see https://grafana.com/docs/k6/latest/using-k6/test-lifecycle/ for more information',
	});
}
