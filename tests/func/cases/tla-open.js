// open() after a top-level await resolves relative to the module that
// calls it, as before any await.
import { check } from 'k6';
import { text } from './tla-open/lib.js';

await Promise.resolve();
const same = open('./tla-open/data.txt');

export default function () {
  check(text, { 'lib read its file': (t) => t === 'from the folder\n' && t === same });
}
