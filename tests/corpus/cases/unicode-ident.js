const café = 'coffee';
const π = 3.14;
console.log(café, π);
