// BigInt is not supported yet: a call says so; typeof and instanceof work.
import { check } from 'k6';
export const options = { iterations: 1 };
export default function () {
  check(null, {
    'typeof': () => typeof BigInt === 'function' && !(({}) instanceof BigInt),
  });
  BigInt('0x10');
}
