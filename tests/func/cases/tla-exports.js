// A module with top-level await declares its exported functions before
// its first statement runs, as every module does: setup, teardown, the
// default function and helpers declared after the await are there.
import { check } from 'k6';
import { counter, Shape, label, named } from './tla-exports-lib.js';

const base = await Promise.resolve(40);
export const options = { iterations: 2, vus: 1 };

export function setup() {
  return { base: base + early() };
}

export default function (data) {
  check(data, {
    'setup ran after the await': (d) => d.base === 42,
    'an exported function of a module with await': () => counter() === 7,
    'an exported class after an await': () => new Shape(3).area() === 9,
    'an exported const after an await': () => label === 'lib',
    'a default export named': () => named() === 'named',
  });
}

export function teardown(data) {
  check(data, { 'teardown sees setup': (d) => d.base === 42 });
}

function early() { return 2; }
