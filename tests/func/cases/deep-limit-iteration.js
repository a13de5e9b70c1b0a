// Endless recursion in an iteration, and in handleSummary.
export const options = { iterations: 2 };
function forever(n) {
	return forever(n + 1) + 1;
}
export default function () {
	forever(0);
}
export function handleSummary() {
	return forever(0);
}
