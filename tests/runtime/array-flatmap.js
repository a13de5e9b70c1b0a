console.log(JSON.stringify([1, 2, 3].flatMap(function (x) { return [x, x * 2]; })));
console.log(JSON.stringify([1, 2].flatMap(function (x) { return [[x]]; })));
console.log(JSON.stringify(['a b', 'c'].flatMap(function (s) { return s.split(' '); })));
console.log(JSON.stringify([1].flatMap(function (x, i, arr) { return [this.v, i, arr.length]; }, { v: 'T' })));
try { [1].flatMap(); } catch (e) { console.log(e.name); }
