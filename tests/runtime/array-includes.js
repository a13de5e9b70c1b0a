console.log([1, 2, 3].includes(2), [1, 2, 3].includes(4), [NaN].includes(NaN), [NaN].indexOf(NaN));
console.log([0].includes(-0), [-0].includes(0), [1, 2, 3].includes(3, 3), [1, 2, 3].includes(3, -1), [1, 2, 3].includes(1, -100));
var h = [1, , 3]; delete h[1]; console.log(h.includes(undefined), [undefined].includes());
console.log(Array.prototype.includes.call({ length: 1, 0: 'x' }, 'x'), Array.prototype.includes.call('abc', 'b'));
