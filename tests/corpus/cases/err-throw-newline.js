throw
new Error('x');
