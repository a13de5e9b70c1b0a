// Endless recursion in the init code.
function forever(n) {
	return forever(n + 1) + 1;
}
forever(0);
export default function () {}
