// split and search with non-u RegExps in UTF-16 units.
const show = (v) => JSON.stringify(v);
const s = "a😀b";
console.log(show(s.split(/(?:)/)), show(s.split(/(?:)/u)), show(s.split("")), show(s.split(/(?:)/, 2)));
console.log(show("😀".split(/(?:)/)), show("😀🎉".split(/(?:)/u)), show("😀🎉".split(/\uDE00/)), show("😀🎉".split(/(\uD83C)/)));
console.log(show(s.split(/(?=[\uDC00-\uDFFF])/)), show(s.split(/(?=b)/)), show("x😀y😀z".split(/😀/)), show("x😀y😀z".split(/(😀)/u)));
console.log(s.search(/\uDE00/), s.search(/\uDE00/u), s.search(/b/), s.search(/[\uD800-\uDFFF]/), "😀".search(/$/), "x😀".search(/(?<=\uD83D)/));
console.log(show("😀,🎉;x".split(/[,;]/)), show("😀,🎉;x".split(/([,;])/, 3)), show("a😀".split(/(?:)/, 3)));
console.log(show(s.split(/./)), show(s.split(/./u)), show(s.split(/(.)/).map((x) => x.length)));
