// lyjs-only
// k6's engine lists an AggregateError's cause after its errors (node
// puts it before), and makes stack from the error's text when first read.
const a = new AggregateError([1], 'm', { cause: 2 });
console.log(JSON.stringify(Object.getOwnPropertyNames(a)));
const e = new Error('before');
e.message = 'after';
console.log(e.stack.split('\n')[0]);
e.message = 'later';
console.log(e.stack.split('\n')[0]);
