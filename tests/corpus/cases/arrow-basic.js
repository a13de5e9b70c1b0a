const add = (a, b) => a + b;
const sq = x => x * x;
const obj = () => ({ v: 1 });
const noargs = () => 42;
console.log(add(2, 3), sq(4), obj().v, noargs());
console.log([1, 2, 3].map(x => x * 10).join(','));
