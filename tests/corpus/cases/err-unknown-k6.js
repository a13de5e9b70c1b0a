import x from 'k6/nope';
console.log(x);
