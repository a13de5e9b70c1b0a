// export default of an awaited value, in a module with top-level await.
import value, { later } from './export-default-await-mod.js';
import { check } from 'k6';

export default function () {
	check(value, { 'the awaited default': (v) => v === 42 });
	check(later, { 'after it, in order': (v) => v === 'after 42' });
}
