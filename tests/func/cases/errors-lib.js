// What a function throws and what a Promise rejects with, as
// "name: message", for the checks of the module cases.
export function thrown(f) {
	try {
		f();
	} catch (e) {
		return `${e.name}: ${e.message}`;
	}
	return 'nothing';
}

export async function rejection(p) {
	try {
		await p;
	} catch (e) {
		return `${e.name}: ${e.message}`;
	}
	return 'nothing';
}
