console.log(Object.is(NaN, NaN), Object.is(0, -0), Object.is(-0, -0), Object.is('a', 'a'), Object.is({}, {}));
console.log(Object.is(), Object.is(undefined, null), Object.is(1, 1));
