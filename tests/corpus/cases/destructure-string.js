const [a, b, ...rest] = 'hello';
console.log(a, b, rest.join(''));
const { length } = 'four';
console.log(length);
