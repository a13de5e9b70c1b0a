// handleSummary's outputs on a full device are reported, and the others
// are still written.
export const options = { iterations: 1 };
export default function () {}
export function handleSummary(data) {
	return { '/dev/full': JSON.stringify(data), stdout: 'summary on stdout\n' };
}
