// Map assigned before the runtime library makes it: loading Set (same
// group) keeps the script's Map.
Map = function Mine() { this.mine = true; };
var s = new Set([1, 2, 2]);
console.log(s.size, s.has(2), new Map().mine, typeof WeakMap);
