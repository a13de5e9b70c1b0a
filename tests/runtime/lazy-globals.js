console.log(typeof Map, typeof Set, typeof WeakMap, typeof WeakSet, typeof Promise, typeof Symbol, typeof AggregateError, typeof queueMicrotask);
console.log(typeof globalThis.Map, Map === globalThis.Map, 'Promise' in globalThis);
var saved = Map; Map = function Mine() {}; console.log(typeof Map, Map === saved);
Map = saved; console.log(Map === saved, new Map([[1, 2]]).get(1));
console.log(Object.keys(globalThis).indexOf('Map'), typeof Math.trunc, typeof Object.entries, typeof Number.isInteger);
