// A SharedArray is an array as k6 (goja's dynamic array) makes it:
// Array.isArray, [object Array], enumerable indexes, spread and for-of.
import { SharedArray } from 'k6/data';
import { check } from 'k6';
export const options = { iterations: 1 };
const a = new SharedArray('things', () => [1, 'two', { three: 3 }, [4]]);
export default function () {
  const seen = [];
  for (const k in a) seen.push(k);
  const vals = [];
  for (const v of a) vals.push(v);
  check(a, {
    'Array.isArray': (a) => Array.isArray(a) && !Array.isArray({ length: 0 }) && Array.isArray([]),
    'toString tag': (a) => Object.prototype.toString.call(a) === '[object Array]',
    'keys': (a) => Object.keys(a).join() === '0,1,2,3' && seen.join() === '0,1,2,3',
    'entries': (a) => JSON.stringify(Object.entries(a)[2]) === '["2",{"three":3}]',
    'own': (a) => a.hasOwnProperty(3) && !a.hasOwnProperty(4),
    'spread': (a) => JSON.stringify([0, ...a]) === '[0,1,"two",{"three":3},[4]]',
    'for-of': () => vals.length === 4 && vals[1] === 'two',
    'assign': (a) => JSON.stringify(Object.assign({}, a)) === '{"0":1,"1":"two","2":{"three":3},"3":[4]}',
    'json': (a) => JSON.stringify(a) === '[1,"two",{"three":3},[4]]',
    'immutable': (a) => { try { a[0] = 5; return false; } catch (e) { return e instanceof TypeError; } },
  });
}
