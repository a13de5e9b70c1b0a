// A write rejected with no handler is an uncaught rejection, as in k6.
import { WritableStream } from 'k6/experimental/streams';

export const options = { iterations: 2 };

export default async function () {
	const w = new WritableStream({ write() { throw new Error('the sink broke'); } }).getWriter();
	w.write(1);
	await w.closed.catch(() => {});
}
