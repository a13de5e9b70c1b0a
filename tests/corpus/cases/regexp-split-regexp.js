console.log(JSON.stringify("a1b22c333d".split(/\d+/)));
console.log(JSON.stringify("a1b22c".split(/(\d)+/)));
console.log(JSON.stringify("a, b ,c".split(/\s*,\s*/)));
console.log(JSON.stringify("abc".split(/(?:)/)), JSON.stringify("".split(/x/)), JSON.stringify("".split(/(?:)/)));
console.log(JSON.stringify("ab".split(/(x)?/)), JSON.stringify("a-b_c".split(/(-)|(_)/)));
