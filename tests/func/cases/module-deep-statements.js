// A module whose own statements nest deeper than the engine's parser
// allows (60 ifs) loads, its exports and imports as they were.
import { check } from 'k6';
export const options = { iterations: 2, thresholds: { checks: ['rate==1'] } };
let depth = 0;
if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { if (options) { depth = 60; } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } }
export default function () { check(depth, { 'module body ran': (d) => d === 60 }); }
