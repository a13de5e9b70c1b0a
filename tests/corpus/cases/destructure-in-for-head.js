const entries = [['x', 1], ['y', 2]];
let k, v;
for ([k, v] of entries) console.log(k + v);
for (let [i, j] = [0, 3]; i < j; i++, j--) console.log(i, j);
