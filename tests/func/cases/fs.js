// k6/experimental/fs: the documented example (with open() awaited in the
// iteration; tla-fs.js awaits it at the top level), seek, stat and k6's errors.
import { open, SeekMode } from 'k6/experimental/fs';
import { check } from 'k6';
import { rejection } from './errors-lib.js';

const fileP = open('fs-bonjour.txt');
let inInit;
open('fs-bonjour.txt').then((f) => { inInit = f; });

export default async function () {
	const file = await fileP;
	const fileinfo = await file.stat();
	if (fileinfo.name != 'fs-bonjour.txt') {
		throw new Error('Unexpected file name');
	}

	const buffer = new Uint8Array(4);
	let totalBytesRead = 0;
	while (true) {
		// Read into the buffer
		const bytesRead = await file.read(buffer);
		if (bytesRead == null) {
			// EOF
			break;
		}
		// Do something useful with the content of the buffer
		totalBytesRead += bytesRead;
		// If bytesRead is less than the buffer size, we've read the whole file
		if (bytesRead < buffer.byteLength) {
			break;
		}
	}
	// Check that we read the expected number of bytes
	if (totalBytesRead != fileinfo.size) {
		throw new Error('Unexpected number of bytes read');
	}
	// Seek back to the beginning of the file
	await file.seek(0, SeekMode.Start);
	console.log(`bytes read: ${totalBytesRead}`);

	const two = new Uint8Array(2);
	check(null, {
		'stat': () => fileinfo.size === 24 && JSON.stringify(fileinfo) === '{"name":"fs-bonjour.txt","size":24}',
		'path is absolute': () => file.path.charAt(0) === '/' && /\/fs-bonjour\.txt$/.test(file.path),
		'opened in init': () => inInit !== undefined && inInit.path === file.path,
	});
	check(await file.read(two), { 'read after seek': (n) => n === 2 && String.fromCharCode(two[0], two[1]) === 'Bo' });
	check(await file.seek(3, SeekMode.Current), { 'seek current': (n) => n === 5 });
	check(await file.seek(0, SeekMode.End), { 'seek end is the last byte, as k6': (n) => n === 23 });
	check(await file.read(two), { 'a short read': (n) => n === 1 && two[0] === 10 });
	check(await file.read(two), { 'EOF is null': (n) => n === null });
	check(await rejection(file.seek(25, SeekMode.Start)), { 'beyond the end': (m) => m === 'TypeError: seeking beyond end of file' });
	check(await rejection(file.seek(-1, SeekMode.Start)), { 'negative start': (m) => m === 'TypeError: offset cannot be negative when using SeekModeStart' });
	check(await rejection(file.seek(1, SeekMode.End)), { 'positive end': (m) => m === 'TypeError: offset cannot be positive when using SeekModeEnd' });
	check(await rejection(file.seek(-30, SeekMode.Current)), { 'before the start': (m) => m === 'TypeError: seeking before start of file' });
	check(await rejection(file.seek(1, 3)), { 'bad whence': (m) => m === 'TypeError: seek() failed; reason: the whence argument must be a SeekMode' });
	check(await rejection(file.seek('1', 0)), { 'offset not a number': (m) => m === 'TypeError: seek() failed; reason: the offset argument must be a number' });
	check(await rejection(file.read([1, 2])), { 'not a Uint8Array': (m) => m === 'TypeError: read() failed; reason: into argument must be a Uint8Array' });
	check(await rejection(file.read()), { 'no buffer': (m) => m === 'TypeError: read() failed; reason: into argument cannot be null or undefined' });
	check(await rejection(open('fs-bonjour.txt')), { 'open outside init': (m) => m === 'ForbiddenError: open() failed; reason: opening a file is allowed only in the Init context' });
}
