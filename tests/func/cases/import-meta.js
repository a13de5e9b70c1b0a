// import.meta: url and resolve() as k6 gives them (loader.Resolve
// against the module's folder), and files opened through them.
import { check } from 'k6';
import { open as fsOpen } from 'k6/experimental/fs';
import { here, url, text } from './import-meta/lib.js';

const dir = import.meta.url.slice(0, import.meta.url.lastIndexOf('/') + 1);
const file = await fsOpen(import.meta.resolve('./import-meta/data.txt'));
const bin = open(import.meta.resolve('./import-meta/data.txt'), 'b');

export const options = { iterations: 1 };

function thrown(spec) {
	try {
		import.meta.resolve(spec);
	} catch (e) {
		return e.message;
	}
	return 'no error';
}

export default async function () {
	const info = await file.stat();
	check(null, {
		'one object': () => import.meta === import.meta && JSON.stringify(import.meta) ===
		    JSON.stringify({ url: dir + 'import-meta.js' }),
		'a module has its own': () => url === dir + 'import-meta/lib.js' && here === dir + 'import-meta/data.txt',
		'open() and fs.open() take the URL': () => text === 'hello\n' && bin.byteLength === 6 && info.size === 6,
		'dot segments and absolute paths': () => import.meta.resolve('./a/../b/./c.js') === dir + 'b/c.js' &&
		    import.meta.resolve('/etc/hosts') === 'file:///etc/hosts' &&
		    import.meta.resolve('../') === dir.slice(0, dir.slice(0, -1).lastIndexOf('/') + 1),
		'URLs as they are': () => import.meta.resolve('https://example.com/x.js') === 'https://example.com/x.js',
		'errors as k6': () => thrown('') === 'local or remote path required' &&
		    thrown('ftp://x/y') === 'only supported schemes for imports are file and https, ftp://x/y has `ftp`' &&
		    thrown('lodash') === 'The moduleSpecifier "lodash" couldn\'t be recognised as something k6 supports.',
	});
}
