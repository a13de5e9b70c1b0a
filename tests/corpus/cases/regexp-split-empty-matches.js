console.log(JSON.stringify("abc".split(/x*/)));
console.log(JSON.stringify("abc".split(/b*/)));
console.log(JSON.stringify("aXbXXc".split(/X*/)));
console.log(JSON.stringify("héllo".split(/(?=l)/)));
