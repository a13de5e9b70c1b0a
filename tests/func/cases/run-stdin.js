import { check } from 'k6';
import { double } from './run-stdin-lib.js';

export default function () {
	check(double(21), { 'imported from the working directory': (x) => x === 42 });
}
