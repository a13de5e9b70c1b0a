const x = 1;
const x2 = 'abc
