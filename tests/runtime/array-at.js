var a = [10, 20, 30];
console.log(a.at(0), a.at(-1), a.at(3), a.at(-4), a.at(1.7), a.at('1'), a.at(NaN), a.at());
console.log(Array.prototype.at.call('abc', -1));
