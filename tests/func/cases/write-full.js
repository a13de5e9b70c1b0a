// Writes results where they cannot go: the run says what was lost and
// does not exit 0.
export const options = { iterations: 2 };
export default function () {
	console.log('an iteration');
}
