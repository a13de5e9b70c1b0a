// open()'s errors in the init context, with k6's names and messages, and
// open() in the init code's Promise callbacks.
import { open } from 'k6/experimental/fs';

const errs = [];
for (const p of ['no-such-file.txt', '.', '', null]) {
	open(p).then(() => errs.push('opened'), (e) => errs.push(`${e.name}: ${e.message}`));
}
// Promise jobs of the init code run in the init context, as in k6.
open('fs-bonjour.txt').then(() => open('fs-bonjour.txt')).then(
	(f) => errs.push(`chained open: ${f.path.slice(f.path.lastIndexOf('/') + 1)}`),
	(e) => errs.push(`chained open: ${e.name}`));

export default function () {
	for (const e of errs) console.log(e);
}
