// k6/experimental/fs's documented example, as written (top-level await
// of open()), with the file name of this folder; options come after the
// await and still count.
import { open, SeekMode } from 'k6/experimental/fs';
import { check } from 'k6';

const file = await open('fs-bonjour.txt');

export const options = { vus: 2, iterations: 4 };

export default async function () {
  // Seek to the beginning of the file
  await file.seek(0, SeekMode.Start);

  // About information about the file
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
  check(totalBytesRead, { 'read it all': (n) => n === 24 });
}
