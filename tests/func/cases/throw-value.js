// Values that are not Errors, thrown: logged with where they were thrown
// (k6 gives the value and the stack); a Symbol shows as Symbol(desc).
import { check } from 'k6';
export const options = { iterations: 1 };
export function setup() {
	if (__ENV.SETUP)
		throw Symbol('in setup');
}
export default function () {
	var caught;
	try {
		throw 42;
	} catch (e) {
		caught = e;
	}
	check(caught, { 'a caught value is the value thrown': (v) => v === 42 });
	console.log(Symbol('desc'));
	throw { code: 7 };
}
