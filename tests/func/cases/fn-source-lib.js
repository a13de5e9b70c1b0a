// A module whose function fn-source.js prints.
export function twice(x) {
	return x * 2;
}
