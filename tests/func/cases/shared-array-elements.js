// A SharedArray as k6's: elements parsed on each read and deeply frozen,
// immutable, array methods, iteration and JSON.
import { SharedArray } from 'k6/data';
import { check } from 'k6';
import { thrown } from './errors-lib.js';

const data = new SharedArray('some name', function () {
	return [{ name: 'ana', tags: ['a', 'b'] }, { name: 'bo' }, 3, 'x', null];
});

export default function () {
	check(data, {
		'length': (d) => d.length === 5,
		'elements': (d) => d[0].name === 'ana' && d[2] === 3 && d[3] === 'x' && d[4] === null && d[5] === undefined,
		'deeply frozen': (d) => Object.isFrozen(d[0]) && Object.isFrozen(d[0].tags),
		'immutable': (d) => thrown(() => { d[1] = 0; }) === 'TypeError: SharedArray is immutable' &&
			thrown(() => { d.length = 0; }) === 'TypeError: SharedArray is immutable',
		'array methods': (d) => d.map((e) => typeof e).join() === 'object,object,number,string,object' &&
			d.slice(2, 4).join() === '3,x',
		'iteration': (d) => { const n = []; for (const e of d) n.push(e && e.name); return n.join() === 'ana,bo,,,'; },
		'JSON': (d) => JSON.stringify(d) === '[{"name":"ana","tags":["a","b"]},{"name":"bo"},3,"x",null]',
	});
}
