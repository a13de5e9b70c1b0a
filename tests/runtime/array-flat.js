console.log(JSON.stringify([1, [2, [3, [4]]]].flat()), JSON.stringify([1, [2, [3, [4]]]].flat(2)), JSON.stringify([1, [2, [3, [4]]]].flat(Infinity)));
var h = [1, , 3]; delete h[1]; console.log(JSON.stringify(h.flat()), JSON.stringify([[1, 2], [], [3]].flat(0)));
console.log(JSON.stringify([[[1]]].flat(-1)), JSON.stringify(['a', ['b']].flat('1')));
