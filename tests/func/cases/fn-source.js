// Function.prototype.toString in the VUs of forked workers, in setup()
// and in an imported module: the source text, as k6 gives it.
import { check } from 'k6';
import { twice } from './fn-source-lib.js';

const add = (a, b) => a + b;
class Shape { area() { return 0; } }

export const options = { vus: 4, iterations: 8 };

function texts() {
	return {
		'arrow': String(add) === '(a, b) => a + b',
		'class': /^class Shape \{/.test(String(Shape)),
		'method': String(Shape.prototype.area) === 'area() { return 0; }',
		'imported': String(twice) === 'function twice(x) {\n\treturn x * 2;\n}',
		'built-in': String(Math.max) === 'function max() { [native code] }',
		'bound': String(add.bind(null)) === 'function () { [native code] }',
	};
}

export function setup() {
	const t = texts();
	for (const k in t)
		if (!t[k])
			throw new Error('setup: ' + k);
}

export default function () {
	const t = texts();
	const sets = {};
	for (const k in t)
		sets[k] = () => t[k];
	check(null, sets);
}
