// SharedArray's errors are k6's: GoErrors in its words, but a write,
// which is a TypeError, as in k6.
import { check } from 'k6';
import { SharedArray } from 'k6/data';

export const options = { iterations: 1 };

function thrown(f) {
	try {
		f();
	} catch (e) {
		return e.name + ': ' + e.message;
	}
	return 'no error';
}

const init = {
	noname: thrown(() => new SharedArray('', () => [1])),
	nofn: thrown(() => new SharedArray('a', 5)),
	notarray: thrown(() => new SharedArray('b', () => ({ length: 1 }))),
	undef: thrown(() => new SharedArray('c', () => undefined)),
};
// a missing name is "undefined", as k6 takes it
const unnamed = new SharedArray(undefined, () => [7]);
const again = new SharedArray('undefined', () => [8]);

export default function () {
	const vu = thrown(() => new SharedArray('d', () => [1]));
	check(null, {
		'init': () => init.noname === "GoError: empty name provided to SharedArray's constructor" &&
		    init.nofn === "GoError: a function is expected as the second argument of SharedArray's constructor" &&
		    init.notarray === 'GoError: only arrays can be made into SharedArray' &&
		    init.undef === 'TypeError: Cannot convert undefined or null to object',
		'unnamed': () => unnamed[0] === 7 && again[0] === 7,
		'vu': () => vu === 'GoError: new SharedArray must be called in the init context',
		'write': () => thrown(() => { unnamed[0] = 1; }) === 'TypeError: SharedArray is immutable',
		'name': () => SharedArray.name === 'go.k6.io/k6/internal/js/modules/k6/data.(*Data).sharedArray-fm',
	});
}
