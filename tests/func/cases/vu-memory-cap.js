// A VU whose memory runs away reaches its cap (LYOCELL_VU_MEMORY MiB):
// the iteration ends with an error naming the VU and the cap; the worker
// and the other iterations go on.  Bounded at 200 MiB, in case.
export const options = { vus: 2, iterations: 4 };
export default function () {
	let a = [];
	for (let i = 0; i < 200; i++)
		a.push('x'.repeat(1e6) + i);
}
