// An archived test: an import, a file read by open(), -e variables and
// options given as flags, all of which must travel in the archive.
import { greet } from './lib/greet.js';

const payload = open('./lib/payload.txt');

export default function () {
	if (greet() !== 'hello' || payload.trim() !== 'payload' || __ENV.WHERE !== 'archive')
		throw new Error('not as archived: ' + greet() + ' ' + payload + ' ' + __ENV.WHERE);
}
