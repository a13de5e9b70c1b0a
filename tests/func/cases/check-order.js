// Checks run, count and are listed in the order the script wrote them.
import { check, group } from 'k6';
export const options = { iterations: 2 };
export default function () {
  check(1, {
    'zeta': () => { console.log('ran zeta'); return true; },
    'alpha': () => { console.log('ran alpha'); return true; },
    '10': () => false,
    'mid': () => false,
  });
  group('zz', () => { check(1, { 'b2': true, 'a2': true }); });
  group('aa', () => { check(1, { 'b3': true }); });
  console.log(JSON.stringify({ z: 1, a: 2, 3: 0 }) + ' ' + Object.keys({ y: 1, b: 2 }));
}
