import { group, check } from 'k6';
export const options = { iterations: 2 };
export default function () {
  group('outer', function () {
    check(1, { 'in outer': () => true });
    group('inner', function () {
      check(1, { 'in inner': () => true });
    });
  });
}
