console.log(JSON.stringify("a,b,c,d".split(/,/, 2)), JSON.stringify("a,b,c".split(/,/, 0)));
console.log(JSON.stringify("a,b,c".split(/(,)/, 2)), JSON.stringify("a,b".split(/,/, -1)));
console.log(JSON.stringify("abc".split(/b/y)), JSON.stringify("test".split(/t/)));
